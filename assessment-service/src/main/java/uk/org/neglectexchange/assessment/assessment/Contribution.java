package uk.org.neglectexchange.assessment.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevel;
import uk.org.neglectexchange.assessment.sharing.Consent;
import uk.org.neglectexchange.assessment.sharing.LawfulBasis;
import uk.org.neglectexchange.assessment.sharing.Para18Reason;

/** What one agency shared into an assessment, and the record of why and on what basis it shared it. */
@Entity
@Table(name = "assessment_contribution")
public class Contribution extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    public String agency;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "practitioner_id")
    public String practitionerId;

    @Column(name = "contributed_at")
    public OffsetDateTime contributedAt;

    /** The contribution of the amended version this one was copied from. */
    @Column(name = "copied_from")
    public UUID copiedFrom;

    public String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis")
    public LawfulBasis lawfulBasis;

    @Enumerated(EnumType.STRING)
    public Consent consent;

    @Enumerated(EnumType.STRING)
    @Column(name = "para18_reason")
    public Para18Reason para18Reason;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Observation> observations;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> concerns;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> strengths;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> evidence;

    /** Who reads the observations, concerns, strengths and evidence (V29, SharingLevelRule). */
    @Enumerated(EnumType.STRING)
    @Column(name = "sharing_level")
    public SharingLevel sharingLevel;

    public static List<Contribution> of(UUID assessmentId) {
        return list("assessmentId", Sort.by("contributedAt").and("id"), assessmentId);
    }

    /** The same contribution in an amendment: the record of who shared it, and on what basis, goes with it. */
    public Contribution copyInto(UUID amendment) {
        Contribution copy = new Contribution();
        copy.id = UUID.randomUUID();
        copy.assessmentId = amendment;
        copy.agency = agency;
        copy.clientId = clientId;
        copy.practitionerId = practitionerId;
        copy.contributedAt = contributedAt;
        copy.copiedFrom = id;
        copy.purpose = purpose;
        copy.lawfulBasis = lawfulBasis;
        copy.consent = consent;
        copy.para18Reason = para18Reason;
        copy.observations = observations;
        copy.concerns = concerns;
        copy.strengths = strengths;
        copy.evidence = evidence;
        copy.sharingLevel = sharingLevel;
        return copy;
    }
}
