package uk.org.neglectexchange.platform.negotiation;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Which of the representations an endpoint offers the caller asked for, for endpoints that build the response
 * themselves (a PDF, a CSV beside the JSON). RESTEasy has already refused an Accept none of them satisfies (406);
 * what is left is an Accept that is empty (no preference, like none at all), one it cannot parse (a 500 from
 * {@link HttpHeaders#getAcceptableMediaTypes()} otherwise), and the choice itself.
 */
public final class Representation {

    private Representation() {
    }

    /**
     * The first offered type the caller's most preferred acceptable type names; {@code offered.get(0)} (the
     * endpoint's default) for no Accept, an empty one, a wildcard, or one that names none of them.
     */
    public static MediaType chosen(HttpHeaders headers, List<MediaType> offered) {
        MediaType fallback = offered.get(0);
        String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return fallback;
        }
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(406, "Not Acceptable", "The Accept header cannot be parsed", List.of());
        }
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType()) {
                return fallback;
            }
            for (MediaType type : offered) {
                if (accepted.isCompatible(type)) {
                    return type;
                }
            }
        }
        return fallback;
    }
}
