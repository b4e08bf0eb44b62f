package uk.org.neglectexchange.assessment.sharing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Whether a share is lawful, for every share of a child's data (a read by an agency other than the lead agency, a
 * contribution to an assessment): it states the purpose, a lawful basis its agency can rely on, and the consent
 * position; sharing without consent names the para 18 reason (RULES.md, golden rule 7: record the decision and the
 * reasons). The previous release's codes are still accepted, meaning their canonical basis, and say so
 * ({@link SharingDecision#deprecatedCodes()}). Each fault names its header or field; no value is echoed.
 */
public final class SharingDecisionRule {

    public static final String LAWFUL_BASIS_HEADER = "X-Lawful-Basis";
    public static final String CONSENT_HEADER = "X-Consent";
    public static final String PARA18_REASON_HEADER = "X-Para18-Reason";
    /** Deprecated: a contribution of the previous release named its Art 9 condition apart from the public task. */
    public static final String SPECIAL_CATEGORY_CONDITION_FIELD = "specialCategoryCondition";

    /** Where a share is stated, and the names its faults are reported under. */
    public enum Channel {
        /** A read of the child's record by an agency other than the lead agency. */
        HEADERS(Caller.PURPOSE_HEADER, LAWFUL_BASIS_HEADER, CONSENT_HEADER, PARA18_REASON_HEADER),
        /** A contribution to an assessment. */
        BODY("purpose", "lawfulBasis", "consent", "para18Reason");

        private final String purpose;
        private final String lawfulBasis;
        private final String consent;
        private final String para18Reason;

        Channel(String purpose, String lawfulBasis, String consent, String para18Reason) {
            this.purpose = purpose;
            this.lawfulBasis = lawfulBasis;
            this.consent = consent;
            this.para18Reason = para18Reason;
        }
    }

    /** The previous release's codes of reads and contributions, each meaning one canonical basis (one release more). */
    private static final Map<String, LawfulBasis> DEPRECATED_BASES = Map.of(
            "PUBLIC_TASK_SAFEGUARDING", LawfulBasis.PUBLIC_TASK_SAFEGUARDING_CHILDREN,
            "HEALTH_AND_SOCIAL_CARE", LawfulBasis.PUBLIC_TASK_HEALTH_SOCIAL_CARE,
            "LAW_ENFORCEMENT", LawfulBasis.LAW_ENFORCEMENT_PART_3,
            "LAW_ENFORCEMENT_PART3", LawfulBasis.LAW_ENFORCEMENT_PART_3);
    /** The previous release's public task of contributions: its basis is the one its condition names. */
    private static final String DEPRECATED_PUBLIC_TASK = "PUBLIC_TASK_6_1_E";
    private static final Map<String, LawfulBasis> DEPRECATED_CONDITIONS = Map.of(
            "SAFEGUARDING_SCH1_PARA18", LawfulBasis.PUBLIC_TASK_SAFEGUARDING_CHILDREN,
            "HEALTH_SOCIAL_CARE_9_2_H", LawfulBasis.PUBLIC_TASK_HEALTH_SOCIAL_CARE);

    /** The share as sent; null when absent. {@code specialCategoryCondition} only in a (deprecated) contribution. */
    public record Stated(String purpose, String lawfulBasis, String specialCategoryCondition, String consent,
            String para18Reason) {
    }

    /** The decision when the share is lawful; otherwise each fault, and whether one is a code outside the vocabulary. */
    public record Ruling(SharingDecision decision, List<FieldError> errors, boolean unknownCode) {
    }

    private SharingDecisionRule() {
    }

    /** A read: any fault is a 400 naming the header. */
    public static SharingDecision decide(Stated stated, String agency) {
        Ruling ruling = rule(stated, agency, Channel.HEADERS);
        if (ruling.decision() == null) {
            throw refusal(ruling.errors());
        }
        return ruling.decision();
    }

    public static Ruling rule(Stated stated, String agency, Channel channel) {
        Faults faults = new Faults();
        String purpose = present(stated.purpose());
        if (purpose == null) {
            faults.breach(channel.purpose, "is required: why this is shared (golden rule 7)");
        }
        LawfulBasis basis = basis(present(stated.lawfulBasis()), present(stated.specialCategoryCondition()), channel, faults);
        if (basis != null && !basis.availableTo(agency)) {
            faults.breach(channel.lawfulBasis, "is not a basis your agency can rely on");
        }
        Consent consent = code(Consent.class, present(stated.consent()), channel.consent, "is required", faults);
        String para18 = present(stated.para18Reason());
        Para18Reason reason = null;
        if (consent == Consent.GIVEN && para18 != null) {
            faults.breach(channel.para18Reason, "applies only to sharing without consent");
        } else if (consent != null && consent != Consent.GIVEN) {
            reason = code(Para18Reason.class, para18, channel.para18Reason, "is required when sharing without consent", faults);
        }
        SharingDecision decision = faults.errors.isEmpty()
                ? new SharingDecision(purpose, basis, consent, reason, faults.deprecated)
                : null;
        return new Ruling(decision, List.copyOf(faults.errors), faults.unknownCode);
    }

    /** The 400 for a share stated with faults (a read's, or a contribution's code outside the vocabulary). */
    public static ProblemException refusal(List<FieldError> errors) {
        return new ProblemException(400, "Bad Request", "State the purpose, lawful basis and consent of this share: "
                + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")), errors);
    }

    private static LawfulBasis basis(String code, String condition, Channel channel, Faults faults) {
        if (condition != null && !DEPRECATED_PUBLIC_TASK.equals(code)) {
            faults.breach(SPECIAL_CATEGORY_CONDITION_FIELD, "is deprecated and applies only with the deprecated "
                    + DEPRECATED_PUBLIC_TASK + ": each lawfulBasis names its Art 9 condition");
        }
        if (code == null) {
            faults.breach(channel.lawfulBasis, "is required: one of " + names(LawfulBasis.class));
            return null;
        }
        if (channel == Channel.BODY && DEPRECATED_PUBLIC_TASK.equals(code)) {
            faults.deprecated = true;
            if (condition == null) {
                faults.breach(SPECIAL_CATEGORY_CONDITION_FIELD, "is required with the deprecated " + DEPRECATED_PUBLIC_TASK
                        + "; or state lawfulBasis as one of " + names(LawfulBasis.class));
                return null;
            }
            LawfulBasis basis = DEPRECATED_CONDITIONS.get(condition);
            if (basis == null) {
                faults.unknown(SPECIAL_CATEGORY_CONDITION_FIELD, "is deprecated and must be one of "
                        + String.join(", ", DEPRECATED_CONDITIONS.keySet().stream().sorted().toList()));
            }
            return basis;
        }
        LawfulBasis deprecated = DEPRECATED_BASES.get(code);
        if (deprecated != null) {
            faults.deprecated = true;
            return deprecated;
        }
        return code(LawfulBasis.class, code, channel.lawfulBasis, "is required", faults);
    }

    private static <E extends Enum<E>> E code(Class<E> codes, String value, String field, String whenAbsent, Faults faults) {
        if (value == null) {
            faults.breach(field, whenAbsent + ": one of " + names(codes));
            return null;
        }
        try {
            return Enum.valueOf(codes, value);
        } catch (IllegalArgumentException e) {
            faults.unknown(field, "must be one of " + names(codes));
            return null;
        }
    }

    private static String names(Class<? extends Enum<?>> codes) {
        return Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class Faults {
        final List<FieldError> errors = new ArrayList<>();
        boolean unknownCode;
        boolean deprecated;

        void breach(String field, String rule) {
            errors.add(new FieldError(field, rule));
        }

        void unknown(String field, String rule) {
            unknownCode = true;
            errors.add(new FieldError(field, rule));
        }
    }
}
