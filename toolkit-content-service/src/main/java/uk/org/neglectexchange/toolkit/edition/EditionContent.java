package uk.org.neglectexchange.toolkit.edition;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The machine-readable content of an edition. Every element has a stable code: the other services validate against
 * the codes, a diff between editions compares by code, and charts are rendered from these lists.
 */
public record EditionContent(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 10) List<@Valid @NotNull ThresholdLevel> thresholdLevels,
        @NotNull @Size(max = 10) List<@Valid @NotNull NeglectCategory> neglectCategories,
        @NotNull @Size(max = 20) List<@Valid @NotNull IndicatorArea> indicatorAreas,
        @NotNull @Size(max = 30) List<@Valid @NotNull PracticeApproach> practiceApproaches,
        @NotNull @Size(max = 100) List<@Valid @NotNull GuidanceDocument> guidance,
        @Valid @NotNull Strategy strategy,
        @NotNull @Size(max = 5) Map<@NotBlank String, @Valid @NotNull PartnershipSettings> partnershipSettings,
        @Valid AlertApproaches alertApproaches) {

    public static final String CODE = "^[A-Z0-9][A-Z0-9_.-]{0,79}$";
    static final String CODE_MESSAGE = "must be a stable code: capitals, digits, '_', '.', '-'";
    static final String AGENCY = "^(CHILDRENS_SERVICES|HEALTH|EDUCATION|POLICE)$";
    static final String AGENCY_MESSAGE = "must be an agency: CHILDRENS_SERVICES, HEALTH, EDUCATION or POLICE";
    static final String SHARING_LEVEL = "^(PARTNERSHIP|RESTRICTED|POLICE_PART3)$";
    static final String SHARING_LEVEL_MESSAGE = "must be a sharing level: PARTNERSHIP, RESTRICTED or POLICE_PART3";

    public record ThresholdLevel(
            @Min(1) @Max(4) int level,
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 4000) String descriptor) {
    }

    public record NeglectCategory(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 4000) String descriptor) {
    }

    /** An area of the indicator charts (physical care, safety, emotional care, developmental care). */
    public record IndicatorArea(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Size(max = 200) List<@Valid @NotNull Indicator> indicators) {
    }

    /**
     * One graded item for one age band, in the style of the Graded Care Profile: grade 1 all needs met, child first;
     * grade 5 needs unmet or hostile, child not considered. {@code placeholder} marks our own wording, pending the
     * partnership's official chart.
     */
    public record Indicator(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 120) String name,
            @NotNull AgeBand ageBand,
            @NotNull @Size(min = 5, max = 5) Map<@Min(1) @Max(5) Integer, @NotBlank @Size(max = 1000) String> grades,
            boolean placeholder) {
    }

    public enum AgeBand {
        PRE_BIRTH, AGE_0_4, AGE_5_11, AGE_12_17;

        /** The codes the API uses: {@code PRE_BIRTH}, {@code 0_4}, {@code 5_11}, {@code 12_17}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return this == PRE_BIRTH ? name() : name().substring(4);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static AgeBand fromCode(String code) {
            for (AgeBand band : values()) {
                if (band.code().equals(code)) {
                    return band;
                }
            }
            throw new IllegalArgumentException("age band must be one of PRE_BIRTH, 0_4, 5_11, 12_17");
        }
    }

    /** One of the best-practice approaches every agency reflects on (WS strategy: eleven of them). */
    public record PracticeApproach(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String descriptor) {
    }

    /**
     * Which practice approach, and which guidance document of the edition, each drift rule (D1, D2...) and the
     * escalation procedure serve: drift alerts and escalations carry them. A rule (or the escalation) the edition
     * leaves out carries no approach, rather than a wrong one; an edition without the mapping carries none.
     */
    public record AlertApproaches(
            @NotNull @Size(max = 30) Map<@NotBlank @Pattern(regexp = "^D[1-9][0-9]?$", message = "must be a drift rule code: D1, D2...") String,
                    @Valid @NotNull ApproachLink> driftRules,
            @Valid ApproachLink escalation) {
    }

    /** A practice approach of this edition, and optionally the guidance document that explains it. */
    public record ApproachLink(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String approach,
            @Pattern(regexp = CODE, message = CODE_MESSAGE) String guidance) {
    }

    public record GuidanceDocument(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 100_000) String markdown) {
    }

    public record Strategy(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 40) String period,
            @NotBlank @Size(max = 20_000) String summary,
            @NotNull @Size(max = 200) List<@Valid @NotNull Action> actionPlan) {
    }

    public record Action(
            @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 60) String ownerAgency,
            @NotNull LocalDate dueOn,
            @NotNull ActionStatus status,
            @NotNull Rag rag) {
    }

    public enum ActionStatus {
        NOT_STARTED, IN_PROGRESS, COMPLETE
    }

    public enum Rag {
        RED, AMBER, GREEN
    }

    /**
     * What each partnership of the family runs: its escalation procedure, its drift-and-delay clocks and which agencies
     * decide which level ({@code levelDecisions}: per level listed, its deciding agencies; a level not listed is any
     * agency's; absent, assessment-service applies RULES.md's defaults, level 3 and 4 by children's services only) and
     * each agency's sharing levels ({@code sharingLevels}: per agency listed, its default and the levels it may choose;
     * an agency not listed, or the whole setting absent, takes RULES.md's defaults: the police POLICE_PART3 and any
     * level, every other agency PARTNERSHIP or RESTRICTED).
     */
    public record PartnershipSettings(@Valid @NotNull EscalationProcedure escalation, @Valid @NotNull DriftRules drift,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 4) Map<@NotNull @Min(1) @Max(4) Integer,
                    @NotNull @Size(min = 1, max = 4) List<@NotNull @Pattern(regexp = AGENCY, message = AGENCY_MESSAGE) String>> levelDecisions,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = 4) Map<@NotNull @Pattern(regexp = AGENCY, message = AGENCY_MESSAGE) String,
                    @Valid @NotNull AgencySharingLevels> sharingLevels) {
    }

    /** One agency's default sharing level and the levels its authors may choose (assessment-service's SharingLevel). */
    public record AgencySharingLevels(
            @NotNull @Pattern(regexp = SHARING_LEVEL, message = SHARING_LEVEL_MESSAGE) String defaultLevel,
            @NotNull @Size(min = 1, max = 3) List<@NotNull @Pattern(regexp = SHARING_LEVEL, message = SHARING_LEVEL_MESSAGE) String> allowed) {
    }

    public record EscalationProcedure(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 4, max = 4) Map<@Min(1) @Max(4) Integer, @Min(1) @Max(60) Integer> stageDeadlineWorkingDays,
            @Min(1) @Max(4) Integer businessTeamNotifiedFromStage) {
    }

    /**
     * RULES.md clocks D1–D9 and D11's limit on a child protection plan for neglect; every figure is the partnership's
     * to change in a new edition. An edition without {@code cpNeglectPlanMonths} (drafted before it existed) leaves
     * D11 unevaluated.
     */
    public record DriftRules(
            @Min(1) @Max(30) int referralDecisionWorkingDays,
            @Min(1) @Max(200) int assessmentWorkingDays,
            @Min(1) @Max(52) int level3ReviewWeeks,
            @Min(1) @Max(60) int reReferralWindowMonths,
            @Min(2) @Max(10) int referralsInWindow,
            @Min(1) @Max(60) int stepDownStepUpWindowMonths,
            @Min(2) @Max(20) int levelChangesPerYear,
            @Min(1) @Max(120) int level4AmberMonths,
            @Min(1) @Max(120) int level4RedMonths,
            @Min(1) @Max(50) int concernEntries,
            @Min(1) @Max(10) int concernAgencies,
            @Min(1) @Max(365) int concernWindowDays,
            @Min(1) @Max(60) int toolkitReviewMonths,
            @Min(1) @Max(120) Integer cpNeglectPlanMonths) {
    }
}
