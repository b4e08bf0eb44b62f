package uk.org.neglectexchange.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event written in the same transaction as the change it describes; the relay publishes it later. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Also the CloudEvent id, so consumers can drop a redelivered copy. */
    @Id
    public UUID id;

    @Column(name = "sequence_no", insertable = false, updatable = false)
    public Long sequenceNo;

    public String type;

    @Column(name = "message_key")
    public String messageKey;

    public String subject;

    public String partnership;

    @JdbcTypeCode(SqlTypes.JSON)
    public String data;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The X-Request-Id of the request that caused the event; null for a scheduled job. */
    @Column(name = "request_id")
    public String requestId;

    /** W3C traceparent of the span that appended the event, so the trace goes on through Kafka. */
    public String traceparent;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
