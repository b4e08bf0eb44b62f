package uk.org.neglectexchange.assessment.plan;

/** Why a plan ended, as a code: events and reports carry it, and a code holds no free text about the family. */
public enum PlanEndReason {
    OBJECTIVES_MET, STEPPED_DOWN, STEPPED_UP, CHILD_MOVED_AWAY, CHILD_TURNED_18, OTHER
}
