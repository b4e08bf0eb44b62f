package uk.org.neglectexchange.gateway;

/**
 * The platform's {@link uk.org.neglectexchange.platform.testsupport.KeycloakTokens} under the name the suite
 * (gateway/src/test/.../suite) still imports; the gateway's own tests use the platform's. Goes when the suite has
 * moved to system-tests.
 */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    public static String tokenFor(String clientId) {
        return uk.org.neglectexchange.platform.testsupport.KeycloakTokens.tokenFor(clientId);
    }

    public static String bearer(String clientId) {
        return uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer(clientId);
    }
}
