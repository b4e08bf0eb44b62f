package uk.org.neglectexchange.toolkit.edition;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Gives each family its first published edition from {@code seed/<FAMILY>.json} when it has none, through the
 * same publish path (and so the same event) as an editor's. Idempotent: a family with any edition is left alone.
 */
@ApplicationScoped
public class EditionSeeder {

    private static final Logger LOG = Logger.getLogger(EditionSeeder.class);
    private static final String SEED_VERSION = "1.0.0";

    @Inject
    EditionService editions;

    @Inject
    ObjectMapper json;

    void seed(@Observes StartupEvent startup) throws IOException {
        for (ToolkitFamily family : ToolkitFamily.values()) {
            if (Edition.ofFamily(family).isEmpty()) {
                try (InputStream in = getClass().getResourceAsStream("/seed/" + family + ".json")) {
                    editions.publishFirst(family, SEED_VERSION, json.readValue(in, EditionContent.class), "seed");
                }
                LOG.infof("Seeded toolkit family %s with edition %s", family, SEED_VERSION);
            }
        }
    }
}
