package uk.org.neglectexchange.toolkit.edition;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The machine-readable content of an edition, with the stable codes the other services validate against. */
public record EditionContent(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Size(max = 10) List<@Valid @NotNull ThresholdLevel> thresholdLevels,
        @NotNull @Size(max = 10) List<@Valid @NotNull NeglectCategory> neglectCategories,
        @NotNull @Size(max = 5) Map<@NotBlank String, @Valid @NotNull PartnershipSettings> partnershipSettings) {

    public record ThresholdLevel(
            @Min(1) @Max(4) int level,
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 4000) String descriptor) {
    }

    public record NeglectCategory(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 120) String name,
            @Size(max = 4000) String descriptor) {
    }

    /** What each partnership of the family runs: its escalation procedure and its drift-and-delay clocks. */
    public record PartnershipSettings(@Valid @NotNull EscalationProcedure escalation, @Valid @NotNull DriftRules drift) {
    }

    public record EscalationProcedure(
            @NotBlank @Size(max = 40) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(min = 4, max = 4) Map<@Min(1) @Max(4) Integer, @Min(1) @Max(60) Integer> stageDeadlineWorkingDays,
            @Min(1) @Max(4) Integer businessTeamNotifiedFromStage) {
    }

    /** RULES.md clocks D1–D9; every figure is the partnership's to change in a new edition. */
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
            @Min(1) @Max(60) int toolkitReviewMonths) {
    }
}
