package uk.org.neglectexchange.platform.caller;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Who is calling and why: the agency system from its token's claims, the practitioner and purpose from the headers
 * the agency system sets ({@code X-Practitioner-Id}, {@code X-Purpose}).
 */
@RequestScoped
public class Caller {

    public static final String PRACTITIONER_HEADER = "X-Practitioner-Id";
    public static final String PURPOSE_HEADER = "X-Purpose";
    private static final String HEADER_VALUE = "[A-Za-z0-9._:@-]{1,100}";

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    public String clientId() {
        String azp = token.getClaim("azp");
        return azp != null ? azp : token.getClaim("client_id");
    }

    public String partnership() {
        return token.getClaim("partnership");
    }

    public String agency() {
        return token.getClaim("agency");
    }

    /** Only toolkit editors carry it: the one family they may edit. */
    public String toolkitFamily() {
        return token.getClaim("toolkit_family");
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The practitioner the agency system names; a value that is not an identifier is a 400 naming the header. */
    public Optional<String> practitionerId() {
        return header(PRACTITIONER_HEADER);
    }

    /** Writes must name the practitioner acting: the audit trail is about people, not only systems. */
    public String requirePractitionerId() {
        return requirePractitioner(request.getHeader(PRACTITIONER_HEADER));
    }

    /**
     * The same rule for a resource that takes the header as a parameter, so that the API document lists it: an
     * identifier of 1–100 letters, digits or . _ : @ - (never a name, or an NHS number with spaces).
     */
    public static String requirePractitioner(String headerValue) {
        return valid(PRACTITIONER_HEADER, headerValue).orElseThrow(() -> ProblemException.badRequest(PRACTITIONER_HEADER,
                "is required on writes: the agency system names the practitioner acting"));
    }

    /** The same rule for a route outside REST (a header read by hand): a value that is not an identifier is a 400. */
    public static Optional<String> practitioner(String headerValue) {
        return valid(PRACTITIONER_HEADER, headerValue);
    }

    public Optional<String> purpose() {
        return header(PURPOSE_HEADER);
    }

    private Optional<String> header(String name) {
        return valid(name, request.getHeader(name));
    }

    private static Optional<String> valid(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (!value.matches(HEADER_VALUE)) {
            throw ProblemException.badRequest(name, "must be 1–100 letters, digits or . _ : @ -");
        }
        return Optional.of(value);
    }
}
