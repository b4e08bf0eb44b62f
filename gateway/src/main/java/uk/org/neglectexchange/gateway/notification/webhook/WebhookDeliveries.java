package uk.org.neglectexchange.gateway.notification.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.Recipient;

/**
 * The webhook deliveries (table webhook_delivery): queued with the notification, claimed for sending under a lease
 * so that only one replica sends each at a time (and a replica that dies mid-send loses only its lease), then
 * delivered, rescheduled or failed.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** Longer than a send can take (the 10 s timeout), so a lease only runs out when its replica has gone. */
    static final Duration LEASE = Duration.ofSeconds(60);

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    DeliveryWorker worker;

    /** Queues the notice for every active subscription of its recipients that wants its type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Notice notice, String body) {
        int queued = em.createNativeQuery("insert into webhook_delivery (id, subscription_id, type, body, act_by, status,"
                + " next_attempt_at, created_at) select gen_random_uuid(), s.id, :type, :body, :actBy, 'PENDING', now(), now()"
                + " from webhook_subscription s where s.status = 'ACTIVE' and s.recipient in (:recipients)"
                + " and :type = any(s.types)")
                .setParameter("type", notice.type().wireName()).setParameter("body", body)
                .setParameter("actBy", notice.actBy())
                .setParameter("recipients", notice.recipients().stream().map(Recipient::key).toList())
                .executeUpdate();
        if (queued > 0) {
            wakeWorkerAfterCommit();
        }
    }

    /** Queues one delivery for one subscription (a test ping, or a failed delivery sent again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueueFor(UUID subscriptionId, String type, String body) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into webhook_delivery (id, subscription_id, type, body, status, next_attempt_at,"
                + " created_at) values (:id, :subscription, :type, :body, 'PENDING', now(), now())")
                .setParameter("id", id).setParameter("subscription", subscriptionId).setParameter("type", type)
                .setParameter("body", body).executeUpdate();
        wakeWorkerAfterCommit();
        return id;
    }

    /** A FAILED delivery is due again at once, with a fresh schedule. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retry(UUID subscriptionId, UUID deliveryId) {
        int updated = em.createNativeQuery("update webhook_delivery set status = 'PENDING', attempts = 0,"
                + " next_attempt_at = now(), lease_until = null where id = :id and subscription_id = :subscription"
                + " and status = 'FAILED'").setParameter("id", deliveryId).setParameter("subscription", subscriptionId)
                .executeUpdate();
        if (updated == 1) {
            wakeWorkerAfterCommit();
        }
        return updated == 1;
    }

    /** Takes up to {@code limit} due deliveries of active subscriptions, leasing them to this replica. */
    @Transactional
    public List<Claimed> claim(int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement("update webhook_delivery d set lease_until = now() + ?"
                        + " * interval '1 second', attempts = d.attempts + 1 from webhook_subscription s"
                        + " where s.id = d.subscription_id and d.id in (select due.id from webhook_delivery due"
                        + " join webhook_subscription sub on sub.id = due.subscription_id where due.status = 'PENDING'"
                        + " and sub.status = 'ACTIVE' and due.next_attempt_at <= now()"
                        + " and (due.lease_until is null or due.lease_until < now())"
                        + " order by due.next_attempt_at limit ? for update of due skip locked)"
                        + " returning d.id, d.subscription_id, d.body, d.attempts, s.url, s.secret")) {
            claim.setLong(1, LEASE.toSeconds());
            claim.setInt(2, limit);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getString(3), rows.getInt(4), rows.getString(5), rows.getString(6)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook deliveries could not be claimed: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(Claimed delivery, int status) {
        em.createNativeQuery("update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_status = :status,"
                + " last_error = null, lease_until = null where id = :id")
                .setParameter("status", status).setParameter("id", delivery.id()).executeUpdate();
    }

    /** Due again at {@code nextAttemptAt}, or FAILED when that is null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notDelivered(Claimed delivery, int status, String error, OffsetDateTime nextAttemptAt) {
        em.createNativeQuery("update webhook_delivery set status = :state, next_attempt_at = coalesce(:next, next_attempt_at),"
                + " last_status = :status, last_error = :error, lease_until = null where id = :id")
                .setParameter("state", nextAttemptAt == null ? "FAILED" : "PENDING")
                .setParameter("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt.toInstant()))
                .setParameter("status", status == 0 ? null : status).setParameter("error", error)
                .setParameter("id", delivery.id()).executeUpdate();
    }

    /** A disabled subscription's waiting deliveries fail, so they can be listed and sent again once it is fixed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failPending(UUID subscriptionId, String reason) {
        em.createNativeQuery("update webhook_delivery set status = 'FAILED', last_error = :reason, lease_until = null"
                + " where subscription_id = :subscription and status = 'PENDING'")
                .setParameter("reason", reason).setParameter("subscription", subscriptionId).executeUpdate();
    }

    private void wakeWorkerAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                worker.wake();
            }
        });
    }

    /** A delivery leased to this replica, with what sending it needs. */
    public record Claimed(UUID id, UUID subscriptionId, String body, int attempts, String url, String secret) {

        @Override
        public String toString() {
            return "Claimed[id=" + id + ", subscription=" + subscriptionId + ", attempts=" + attempts + "]";
        }
    }
}
