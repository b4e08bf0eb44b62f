package uk.org.neglectexchange.gateway.notification.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Notifier;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.gateway.notification.webhook.WebhookDeliveries;
import uk.org.neglectexchange.gateway.notification.webhook.WebhookSignature;

/**
 * A client's webhook subscriptions (table webhook_subscription), always looked up with the client's id, so another
 * client's subscription is simply not there. Tracks failing receivers: one that has failed for
 * {@code nx.notifications.webhooks.disable-after} (three days) or answers 410 Gone is disabled, and its recipient
 * is told in its feed.
 */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);
    private static final String COLUMNS = "id, url, types, status, disabled_reason, failing_since, created_at";

    @Inject
    EntityManager em;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @ConfigProperty(name = "nx.notifications.webhooks.disable-after", defaultValue = "3d")
    Duration disableAfter;

    @Transactional(Transactional.TxType.MANDATORY)
    public SubscriptionView create(String clientId, Recipient recipient, String practitionerId, String url, List<String> types) {
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        em.createNativeQuery("insert into webhook_subscription (id, client_id, recipient, url, types, secret, status,"
                + " created_at, practitioner_id) values (:id, :client, :recipient, :url, cast(:types as text[]), :secret,"
                + " 'ACTIVE', :at, :practitioner)")
                .setParameter("id", id).setParameter("client", clientId).setParameter("recipient", recipient.key())
                .setParameter("url", url).setParameter("types", "{" + String.join(",", types) + "}")
                .setParameter("secret", secret).setParameter("at", OffsetDateTime.now(clock))
                .setParameter("practitioner", practitionerId).executeUpdate();
        return withSecret(clientId, id).orElseThrow();
    }

    public Optional<SubscriptionView> find(String clientId, UUID id) {
        return withSecret(clientId, id).map(SubscriptionView::withoutSecret);
    }

    /** Only to answer the creating request, or a retry of it with its Idempotency-Key. */
    @SuppressWarnings("unchecked")
    public Optional<SubscriptionView> withSecret(String clientId, UUID id) {
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + ", secret from webhook_subscription"
                + " where client_id = :client and id = :id").setParameter("client", clientId).setParameter("id", id)
                .getResultList();
        return rows.stream().findFirst().map(row -> view(row, (String) row[7]));
    }

    /** The client's subscriptions, oldest first, {@code limit} a page; the cursor is the last id of the page before. */
    @SuppressWarnings("unchecked")
    public SubscriptionView.Page<SubscriptionView> list(String clientId, UUID after, int limit) {
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from webhook_subscription where client_id = :client"
                + " and (cast(:after as uuid) is null or (created_at, id) > (select created_at, id from webhook_subscription"
                + " where id = cast(:after as uuid))) order by created_at, id limit :limit")
                .setParameter("client", clientId).setParameter("after", after == null ? null : after.toString())
                .setParameter("limit", limit + 1).getResultList();
        List<SubscriptionView> items = rows.stream().limit(limit).map(row -> view(row, null)).toList();
        return new SubscriptionView.Page<>(items, rows.size() > limit ? items.get(limit - 1).id().toString() : null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean delete(String clientId, UUID id) {
        return em.createNativeQuery("delete from webhook_subscription where client_id = :client and id = :id")
                .setParameter("client", clientId).setParameter("id", id).executeUpdate() == 1;
    }

    /** The subscription's deliveries, newest first, optionally of one status. */
    @SuppressWarnings("unchecked")
    public SubscriptionView.Page<DeliveryView> deliveries(UUID subscriptionId, String status, UUID after, int limit) {
        List<Object[]> rows = em.createNativeQuery("select id, type, status, attempts, next_attempt_at, last_status,"
                + " last_error, created_at, delivered_at, act_by from webhook_delivery where subscription_id = :s"
                + " and (cast(:status as text) is null or status = cast(:status as text))"
                + " and (cast(:after as uuid) is null or (created_at, id) < (select created_at, id from webhook_delivery"
                + " where id = cast(:after as uuid))) order by created_at desc, id desc limit :limit")
                .setParameter("s", subscriptionId).setParameter("status", status)
                .setParameter("after", after == null ? null : after.toString()).setParameter("limit", limit + 1)
                .getResultList();
        List<DeliveryView> items = rows.stream().limit(limit).map(Subscriptions::delivery).toList();
        return new SubscriptionView.Page<>(items, rows.size() > limit ? items.get(limit - 1).id().toString() : null);
    }

    public boolean hasDelivery(UUID subscriptionId, UUID deliveryId) {
        return !em.createNativeQuery("select 1 from webhook_delivery where subscription_id = :s and id = :id")
                .setParameter("s", subscriptionId).setParameter("id", deliveryId).getResultList().isEmpty();
    }

    /** A receiver that answered 2xx is healthy again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(UUID subscriptionId) {
        em.createNativeQuery("update webhook_subscription set failing_since = null where id = :id and failing_since is not null")
                .setParameter("id", subscriptionId).executeUpdate();
    }

    /** Counts a failed attempt; past {@code disableAfter} of failing, or at a 410, the subscription is disabled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(UUID subscriptionId, int status) {
        if (status == 410) {
            disable(subscriptionId, "the receiver answered 410 Gone");
            return;
        }
        Object since = em.createNativeQuery("update webhook_subscription set failing_since = coalesce(failing_since, now())"
                + " where id = :id and status = 'ACTIVE' returning failing_since").setParameter("id", subscriptionId)
                .getResultStream().findFirst().orElse(null);
        if (since != null && toOffset(since).isBefore(OffsetDateTime.now(clock).minus(disableAfter))) {
            disable(subscriptionId, "every delivery has failed for " + disableAfter.toDays() + " days");
        }
    }

    private void disable(UUID subscriptionId, String reason) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update webhook_subscription set status = 'DISABLED', disabled_reason = :reason"
                + " where id = :id and status = 'ACTIVE' returning recipient, client_id").setParameter("reason", reason)
                .setParameter("id", subscriptionId).getResultList();
        if (rows.isEmpty()) {
            return;
        }
        deliveries.failPending(subscriptionId, "subscription disabled: " + reason);
        String[] recipient = ((String) rows.get(0)[0]).split(":");
        LOG.infof("Webhook subscription %s of %s disabled: %s", subscriptionId, rows.get(0)[1], reason);
        var fields = JsonNodeFactory.instance.objectNode().put("subscriptionId", subscriptionId.toString())
                .put("reason", reason).put("disabledAt", OffsetDateTime.now(clock).toString());
        notifier.send(Notice.of(subscriptionId, NotificationType.SUBSCRIPTION_DISABLED, subscriptionId.toString(),
                recipient[0], List.of(new Recipient(recipient[0], recipient[1])), "SUBSCRIBER", fields));
    }

    private static SubscriptionView view(Object[] row, String secret) {
        return new SubscriptionView((UUID) row[0], (String) row[1], List.of((String[]) row[2]), (String) row[3],
                (String) row[4], toOffset(row[5]), toOffset(row[6]), secret);
    }

    private static DeliveryView delivery(Object[] row) {
        OffsetDateTime deliveredAt = toOffset(row[8]);
        OffsetDateTime actBy = toOffset(row[9]);
        return new DeliveryView((UUID) row[0], (String) row[1], (String) row[2], ((Number) row[3]).intValue(),
                "PENDING".equals(row[2]) ? toOffset(row[4]) : null, row[5] == null ? null : ((Number) row[5]).intValue(),
                (String) row[6], toOffset(row[7]), deliveredAt, actBy,
                actBy == null || deliveredAt == null ? null : deliveredAt.isBefore(actBy));
    }

    static OffsetDateTime toOffset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
