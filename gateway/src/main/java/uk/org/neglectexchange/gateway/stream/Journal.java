package uk.org.neglectexchange.gateway.stream;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.sql.DataSource;
import uk.org.neglectexchange.gateway.erasure.ErasedChildren;
import uk.org.neglectexchange.platform.inbox.PoisonEvent;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * The stream's journal (table stream_journal): each event once, numbered by seq. Writers take one advisory lock
 * for the whole transaction, so rows commit in seq order, on every replica: a reader that has seen seq n and asks
 * for "seq > n" later can never miss a row that was still uncommitted when it last looked. The commit notifies
 * channel {@value #CHANNEL}, which {@link JournalTailer} listens on.
 */
@ApplicationScoped
public class Journal {

    static final String CHANNEL = "stream_journal";
    private static final Logger LOG = Logger.getLogger(Journal.class);
    /** "nxstream" in ASCII: the advisory lock that orders journal writes. */
    private static final long WRITE_LOCK = 0x6e78_7374_7265_616dL;
    private static final String COLUMNS = "seq, event_id, type, partnerships, recipients, envelope";

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    ErasedChildren erasedChildren;

    /** Journals the event unless its id is already there (a redelivery, or another replica got it first). */
    @Transactional
    public boolean record(ReceivedEvent event) {
        if (erasedChildren.about(event)) {
            return false;
        }
        if (ErasedChildren.erasedBy(event) != null) {
            erasedChildren.eraseJournal(event);
        }
        List<String> partnerships = partnershipsOf(event.data());
        if (partnerships.isEmpty()) {
            throw new PoisonEvent(event.type() + " names no partnership, so no dashboard may see it");
        }
        boolean inserted = insert(event.id(), event.type(), event.source(), event.subject(), event.time(), partnerships,
                null, envelope(event));
        if (!inserted) {
            // the same line as the inboxes', so a fault run counts the duplicates delivered to every consumer
            LOG.infof("Skipped event %s for stream-journal: already applied", event.id());
        }
        return inserted;
    }

    /**
     * Journals a notification for its recipients, in the caller's transaction: the agency feed and its stream read
     * it from here. {@code envelope} is the CloudEvent the webhooks carry too. False if it was already there.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordNotification(UUID id, String type, String source, String subject, OffsetDateTime time,
            String partnership, List<String> recipients, String envelope) {
        return insert(id, type, source, subject, time, List.of(partnership), recipients, envelope);
    }

    private boolean insert(UUID id, String type, String source, String subject, OffsetDateTime time,
            List<String> partnerships, List<String> recipients, String envelope) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, WRITE_LOCK);
                lock.execute();
            }
            int inserted;
            try (PreparedStatement insert = connection.prepareStatement("insert into stream_journal (event_id, type,"
                    + " source, subject, time, partnerships, recipients, envelope) values (?, ?, ?, ?, ?, ?, ?, ?::json)"
                    + " on conflict (event_id) do nothing")) {
                insert.setObject(1, id);
                insert.setString(2, type);
                insert.setString(3, source);
                insert.setString(4, subject);
                if (time == null) {
                    insert.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    insert.setObject(5, time);
                }
                insert.setArray(6, connection.createArrayOf("text", partnerships.toArray()));
                insert.setArray(7, recipients == null ? null : connection.createArrayOf("text", recipients.toArray()));
                insert.setString(8, envelope);
                inserted = insert.executeUpdate();
            }
            if (inserted == 1) {
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, '')")) {
                    notify.setString(1, CHANNEL);
                    notify.execute();
                }
            }
            return inserted == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("the stream journal could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Who may see an event: its partnership, every partnership of a toolkit event, and both sides of a transfer.
     */
    static List<String> partnershipsOf(JsonNode data) {
        Set<String> partnerships = new LinkedHashSet<>();
        for (String field : List.of("partnership", "fromPartnership", "toPartnership")) {
            if (data.path(field).isTextual()) {
                partnerships.add(data.get(field).asText());
            }
        }
        data.path("partnerships").forEach(p -> {
            if (p.isTextual()) {
                partnerships.add(p.asText());
            }
        });
        return List.copyOf(partnerships);
    }

    /** The SSE data: the CloudEvent's attributes and its data, in the order the contract lists them. */
    private String envelope(ReceivedEvent event) {
        ObjectNode envelope = json.createObjectNode()
                .put("id", event.id().toString())
                .put("type", event.type())
                .put("source", event.source())
                .put("time", event.time() == null ? null : event.time().withOffsetSameInstant(ZoneOffset.UTC).toString())
                .put("subject", event.subject())
                .put("partnership", event.data().path("partnership").isTextual() ? event.data().get("partnership").asText() : null);
        envelope.set("data", event.data());
        return envelope.toString();
    }

    /** The seq of an event or notification the audience may see, if it is still journalled. */
    public OptionalLong seqOf(UUID eventId, StreamAudience audience) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select seq from stream_journal where event_id = ? and " + audience.sqlCondition())) {
            query.setObject(1, eventId);
            query.setString(2, audience.sqlParameter());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Up to {@code limit} entries after {@code afterSeq} that the audience may see, of the given types if any. */
    public List<JournalEntry> page(long afterSeq, StreamAudience audience, Optional<Set<String>> types, int limit)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select " + COLUMNS
                        + " from stream_journal where seq > ? and " + audience.sqlCondition()
                        + " and (?::text[] is null or type = any(?::text[])) order by seq limit ?")) {
            Array typeArray = types.isEmpty() ? null : connection.createArrayOf("text", types.get().toArray());
            query.setLong(1, afterSeq);
            query.setString(2, audience.sqlParameter());
            query.setArray(3, typeArray);
            query.setArray(4, typeArray);
            query.setInt(5, limit);
            return entries(query);
        }
    }

    /** Up to {@code limit} entries after {@code afterSeq} that the audience may see, as journalled: the feed's page. */
    public List<Journalled> envelopes(long afterSeq, StreamAudience audience, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select seq, envelope from stream_journal"
                        + " where seq > ? and " + audience.sqlCondition() + " order by seq limit ?")) {
            query.setLong(1, afterSeq);
            query.setString(2, audience.sqlParameter());
            query.setInt(3, limit);
            List<Journalled> page = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(new Journalled(rows.getLong(1), rows.getString(2)));
                }
            }
            return page;
        }
    }

    /** An entry's place in the journal and its JSON as journalled. */
    public record Journalled(long seq, String envelope) {
    }

    /** Up to {@code limit} events after {@code afterSeq}, for every partnership. */
    List<JournalEntry> after(Connection connection, long afterSeq, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select " + COLUMNS
                + " from stream_journal where seq > ? order by seq limit ?")) {
            query.setLong(1, afterSeq);
            query.setInt(2, limit);
            return entries(query);
        }
    }

    long head(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select coalesce(max(seq), 0) from stream_journal");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Forgets events journalled longer ago than {@code retention}; returns how many. */
    @Transactional
    public int prune(Duration retention) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from stream_journal where recorded_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, retention.toSeconds());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the stream journal could not be pruned: " + e.getMessage(), e);
        }
    }

    private static List<JournalEntry> entries(PreparedStatement query) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Array recipients = rows.getArray(5);
                entries.add(JournalEntry.of(rows.getLong(1), rows.getObject(2, UUID.class), rows.getString(3),
                        List.of((String[]) rows.getArray(4).getArray()),
                        recipients == null ? List.of() : List.of((String[]) recipients.getArray()), rows.getString(6)));
            }
        }
        return entries;
    }
}
