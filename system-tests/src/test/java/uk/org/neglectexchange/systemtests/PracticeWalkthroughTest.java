package uk.org.neglectexchange.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * docs/practice-walkthrough/: issue 17's ten findings, each shown through the gateway as it is answered now. The
 * files run in name order in one shell, so each finding's file can use what 00-setup.md defines.
 */
@SystemTest
class PracticeWalkthroughTest {

    private static final Path LOG = Path.of("target", "practice-walkthrough.log").toAbsolutePath();

    private final SuiteProcesses suite;

    PracticeWalkthroughTest(SuiteProcesses suite) {
        this.suite = suite;
    }

    @Test
    void everyFindingOfTheWalkthroughIsAnsweredAsItShows() throws IOException, InterruptedException {
        List<Path> documents;
        try (Stream<Path> files = Files.list(DocumentCheck.ROOT.resolve("docs/practice-walkthrough"))) {
            documents = files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
        DocumentCheck.run(suite, LOG, documents);
    }
}
