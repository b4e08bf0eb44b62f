package uk.org.neglectexchange.assessment.sharing;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An answer to a share stated in a deprecated code carries RFC 9745's {@code Deprecation} (the date the previous
 * release's codes were deprecated) and a {@code Link} to the README's vocabulary, so the agency system's developers
 * see it in their logs before the codes go. Nothing about the child or the request is named.
 */
public class DeprecationHeaders {

    /** 2026-12-01T00:00:00Z, as an RFC 9745 structured date. */
    static final String DEPRECATED_SINCE = "@1796083200";

    @Inject
    DeprecatedSharingCodes codes;

    @ConfigProperty(name = "nx.sharing.vocabulary-doc")
    String vocabularyDoc;

    @ServerResponseFilter
    public void announce(ContainerResponseContext response) {
        if (codes.used()) {
            response.getHeaders().putSingle("Deprecation", DEPRECATED_SINCE);
            response.getHeaders().add("Link", "<" + vocabularyDoc + ">; rel=\"deprecation\"; type=\"text/markdown\"");
        }
    }
}
