package uk.org.neglectexchange.escalation.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.vertx.core.http.HttpServerRequest;

import uk.org.neglectexchange.escalation.problem.ProblemException;

/** Who is calling, from the claims Keycloak puts in every agency client's token. */
@RequestScoped
public class Caller {

    public static final String PRACTITIONER_HEADER = "X-Practitioner-Id";

    private static final String PRACTITIONER_ID = "[A-Za-z0-9._:@-]{1,100}";

    @Inject
    JsonWebToken token;

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

    /** Escalations are between agencies of one partnership: a token without both claims cannot be party to one. */
    public void requireAgencyOfAPartnership() {
        if (agency() == null || partnership() == null) {
            throw ProblemException.forbidden("The token names no agency or partnership: escalations are between agencies");
        }
    }

    /** The practitioner the agency system names, for the audit trail; a value that is not an identifier is left out. */
    public Optional<String> practitionerId() {
        String value = request.getHeader(PRACTITIONER_HEADER);
        return value != null && value.matches(PRACTITIONER_ID) ? Optional.of(value) : Optional.empty();
    }

    /**
     * Writes name the acting practitioner: the agency system sets the header, the exchange records it. An identifier,
     * as in the assessment service: 1–100 letters, digits or . _ : @ - (never a name or an NHS number with spaces).
     */
    public static String requirePractitioner(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw ProblemException.badRequest(PRACTITIONER_HEADER,
                    "is required on writes: the agency system names the practitioner acting");
        }
        if (!headerValue.matches(PRACTITIONER_ID)) {
            throw ProblemException.badRequest(PRACTITIONER_HEADER, "must be 1–100 letters, digits or . _ : @ -");
        }
        return headerValue;
    }
}
