package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevel;

/** One thing that happened to a child, as one agency recorded it; never changed (V6__chronology.sql). */
@Entity
@Table(name = "chronology_entry")
public class ChronologyEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Breaks ties in the reading order: entries recorded in the same microsecond still have one order. */
    @Column(name = "sequence_no", insertable = false, updatable = false)
    public Long sequenceNo;

    @Column(name = "child_ref")
    public String childRef;

    public String agency;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "practitioner_id")
    public String practitionerId;

    @Enumerated(EnumType.STRING)
    public EntryType type;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    public String summary;

    public UUID supersedes;

    @Column(name = "referral_id")
    public UUID referralId;

    @Enumerated(EnumType.STRING)
    public ReferralDecision decision;

    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason")
    public ClosureReason closureReason;

    /** Only on a POLICE_ATTENDANCE the police recorded (V20). */
    @Enumerated(EnumType.STRING)
    @Column(name = "incident_type")
    public IncidentType incidentType;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Who reads the summary (V29, SharingLevelRule). */
    @Enumerated(EnumType.STRING)
    @Column(name = "sharing_level")
    public SharingLevel sharingLevel;
}
