package uk.org.neglectexchange.toolkit.survey;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored survey response: respondents are known by partnership, agency and client, never by name. */
@Entity
@Table(name = "practice_survey_response")
public class PracticeSurveyResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "edition_id")
    public UUID editionId;

    @Column(name = "questionnaire_version")
    public int questionnaireVersion;

    public String partnership;

    public String agency;

    /** Kept so a misbehaving client can be traced; never returned with results. */
    @Column(name = "client_id")
    public String clientId;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "howe_categories_familiarity")
    public int howeCategoriesFamiliarity;

    @Column(name = "confidence_identifying_neglect")
    public int confidenceIdentifyingNeglect;

    @Column(name = "tools_useful")
    public int toolsUseful;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "approaches_applied")
    public List<String> approachesApplied;

    @Column(name = "improvement_suggestion")
    public String improvementSuggestion;
}
