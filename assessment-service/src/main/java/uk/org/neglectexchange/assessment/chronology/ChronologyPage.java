package uk.org.neglectexchange.assessment.chronology;

import java.util.List;

/** One page of a chronology; {@code nextCursor} is null on the last page. */
public record ChronologyPage(List<ChronologyEntryView> entries, String nextCursor) {
}
