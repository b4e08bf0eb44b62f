package uk.org.neglectexchange.assessment.merge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * When two records may be merged into one: by children's services, within one partnership, two records that could be
 * one child (not two NHS numbers), at most one of them with an assessment under way or a plan of a kind open, so the
 * child keeps one of each, and neither on its way to another partnership.
 */
public final class ChildMergeRule {

    public static final String MERGING_AGENCY = "CHILDRENS_SERVICES";

    private ChildMergeRule() {
    }

    /**
     * The two records as the merge finds them; {@code duplicateInPartnership} is false when the duplicate is unknown
     * or another partnership's (the answer is the same, so another partnership's records cannot be probed).
     */
    public record Candidates(String survivingRef, String duplicateRef, boolean duplicateInPartnership,
            String duplicateMergedInto, String survivingNhsHash, String duplicateNhsHash,
            Optional<UUID> survivingOpenAssessment, Optional<UUID> duplicateOpenAssessment,
            List<String> openPlanKindsOfBoth, boolean transferWaiting) {
    }

    public static Optional<ProblemException> refusal(String callerAgency, Candidates records) {
        if (!MERGING_AGENCY.equals(callerAgency)) {
            return Optional.of(ProblemException.forbidden("Only children's services merges records of a child"));
        }
        if (records.survivingRef().equals(records.duplicateRef())) {
            return Optional.of(ProblemException.unprocessable("duplicateChildRef",
                    "must be another record than the one it is merged into"));
        }
        if (!records.duplicateInPartnership()) {
            return Optional.of(ProblemException.unprocessable("duplicateChildRef",
                    "must be a record of your partnership: records are merged within one partnership, never across"));
        }
        if (records.duplicateMergedInto() != null) {
            return Optional.of(ProblemException.conflict(
                    "The duplicate record was already merged into " + records.duplicateMergedInto()));
        }
        if (records.survivingNhsHash() != null && records.duplicateNhsHash() != null
                && !Objects.equals(records.survivingNhsHash(), records.duplicateNhsHash())) {
            return Optional.of(ProblemException.unprocessable("duplicateChildRef",
                    "carries another NHS number than the surviving record: they are two children"));
        }
        if (records.survivingOpenAssessment().isPresent() && records.duplicateOpenAssessment().isPresent()) {
            return Optional.of(ProblemException.conflict("Both records have an assessment under way ("
                    + records.survivingOpenAssessment().get() + " and " + records.duplicateOpenAssessment().get()
                    + "): complete one before merging, so the child keeps one"));
        }
        if (!records.openPlanKindsOfBoth().isEmpty()) {
            return Optional.of(ProblemException.conflict("Both records have an open plan of a kind ("
                    + String.join(", ", records.openPlanKindsOfBoth()) + "): end one before merging, so the child keeps one"));
        }
        if (records.transferWaiting()) {
            return Optional.of(ProblemException.conflict(
                    "A transfer of one of the records to another partnership is waiting for its acceptance: merge after it"));
        }
        return Optional.empty();
    }
}
