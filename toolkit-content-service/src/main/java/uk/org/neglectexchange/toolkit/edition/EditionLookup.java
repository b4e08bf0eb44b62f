package uk.org.neglectexchange.toolkit.edition;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.ProblemException;

/** Finds the edition a request names, as the caller may see it: drafts exist only for the family's editor. */
@RequestScoped
public class EditionLookup {

    public static final String CURRENT = "current";

    @Inject
    EditionService editions;

    @Inject
    Caller caller;

    public ToolkitFamily family(String code) {
        return ToolkitFamily.parse(code)
                .orElseThrow(() -> ProblemException.notFound("No toolkit family with this code (families: HIOW, WS)"));
    }

    /** {@code version} is a semantic version or {@code current}. */
    public Edition resolve(String familyCode, String version) {
        ToolkitFamily family = family(familyCode);
        return CURRENT.equals(version) ? editions.current(family) : editions.edition(family, version, editsFamily(family));
    }

    public boolean editsFamily(ToolkitFamily family) {
        return family.name().equals(caller.toolkitFamily());
    }

    public ToolkitFamily editableFamily(String code) {
        ToolkitFamily family = family(code);
        if (!editsFamily(family)) {
            throw ProblemException.forbidden("This client edits the " + caller.toolkitFamily() + " toolkit, not " + family);
        }
        return family;
    }
}
