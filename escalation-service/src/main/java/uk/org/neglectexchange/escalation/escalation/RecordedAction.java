package uk.org.neglectexchange.escalation.escalation;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An action a party took at a stage, with the client and practitioner who took it; never changed afterwards. */
@Entity
@Table(name = "escalation_action")
public class RecordedAction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "escalation_id")
    public UUID escalationId;

    public int stage;

    @Enumerated(EnumType.STRING)
    public ActionKind action;

    public String agency;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "practitioner_id")
    public String practitionerId;

    public String role;

    public String reason;

    @Column(name = "agreed_action")
    public String agreedAction;

    public String outcome;

    @Column(name = "resolved_by")
    public String resolvedBy;

    public String note;

    public OffsetDateTime at;
}
