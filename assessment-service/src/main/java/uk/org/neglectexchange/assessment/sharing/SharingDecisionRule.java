package uk.org.neglectexchange.assessment.sharing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * An agency other than the lead agency sees a child's record only when it states the purpose, a lawful basis its
 * agency can rely on, and the consent position; sharing without consent names the para 18 reason (RULES.md, golden
 * rule 7: record the decision and the reasons). Each missing or invalid header is named; no value is echoed.
 */
public final class SharingDecisionRule {

    public static final String LAWFUL_BASIS_HEADER = "X-Lawful-Basis";
    public static final String CONSENT_HEADER = "X-Consent";
    public static final String PARA18_REASON_HEADER = "X-Para18-Reason";

    /** The headers as sent; null when absent. */
    public record Stated(String purpose, String lawfulBasis, String consent, String para18Reason) {
    }

    private SharingDecisionRule() {
    }

    public static SharingDecision decide(Stated stated, String agency) {
        List<FieldError> errors = new ArrayList<>();
        if (stated.purpose() == null) {
            errors.add(new FieldError(Caller.PURPOSE_HEADER, "is required when an agency other than the lead agency reads the record"));
        }
        LawfulBasis basis = parse(LawfulBasis.class, stated.lawfulBasis(), LAWFUL_BASIS_HEADER, errors);
        if (basis != null && !basis.availableTo(agency)) {
            errors.add(new FieldError(LAWFUL_BASIS_HEADER, "is not a basis your agency can rely on"));
        }
        Consent consent = parse(Consent.class, stated.consent(), CONSENT_HEADER, errors);
        Para18Reason reason = null;
        if (consent == Consent.GIVEN && stated.para18Reason() != null) {
            errors.add(new FieldError(PARA18_REASON_HEADER, "applies only to sharing without consent"));
        } else if (consent != null && consent != Consent.GIVEN) {
            reason = parse(Para18Reason.class, stated.para18Reason(), PARA18_REASON_HEADER, errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request",
                    "State the purpose, lawful basis and consent of this share: " + errors.stream().map(FieldError::field)
                            .collect(Collectors.joining(", ")), errors);
        }
        return new SharingDecision(stated.purpose(), basis, consent, reason);
    }

    private static <E extends Enum<E>> E parse(Class<E> codes, String value, String header, List<FieldError> errors) {
        String allowed = Arrays.stream(codes.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(header, "is required: one of " + allowed));
            return null;
        }
        try {
            return Enum.valueOf(codes, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(header, "must be one of " + allowed));
            return null;
        }
    }
}
