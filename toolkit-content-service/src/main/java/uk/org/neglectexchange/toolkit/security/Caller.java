package uk.org.neglectexchange.toolkit.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the claims Keycloak puts in every agency client's token. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

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
}
