package uk.org.neglectexchange.systemtests.authz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.org.neglectexchange.platform.testsupport.KeycloakTokens;

/**
 * Tokens the exchange must refuse with 401. Real ones from Keycloak where only Keycloak can make them (expired: the
 * realm's test-only client whose tokens live 1 s; wrong audience: the test-only client without the audience mapper),
 * forged ones otherwise, each built on a real children's services token granted every role of the realm, so that the
 * token's own claims would let it in anywhere.
 */
final class BadTokens {

    enum Kind { NO_TOKEN, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, UNKNOWN_KID, ALG_NONE, TAMPERED_SIGNATURE }

    static final String SHORT_LIVED = RealmClients.TEST_ONLY_PREFIX + "short-lived";
    static final String NO_AUDIENCE = RealmClients.TEST_ONLY_PREFIX + "no-audience";
    private static final List<String> EVERY_ROLE = List.of("toolkit-read", "toolkit-edit", "survey-respond", "child-read",
            "child-write", "child-transfer", "identity-read", "chronology-read", "chronology-write", "assessment-read",
            "assessment-write", "escalation-read", "escalation-write", "drift-read", "drift-acknowledge", "dashboard", "audit-read");

    private BadTokens() {
    }

    /** Kind → the Authorization header value (none for NO_TOKEN). */
    static Map<Kind, String> make(String realmUrl) {
        String real = KeycloakTokens.tokenFor("hscp-childrens-services");
        String[] parts = real.split("\\.");
        ObjectNode claims = (ObjectNode) readPart(parts[1]);
        ObjectNode privileged = claims.deepCopy();
        ArrayNode roles = privileged.putObject("realm_access").putArray("roles");
        EVERY_ROLE.forEach(roles::add);
        privileged.put("toolkit_family", "HIOW");

        Map<Kind, String> tokens = new EnumMap<>(Kind.class);
        tokens.put(Kind.NO_TOKEN, null);
        tokens.put(Kind.EXPIRED, expired(realmUrl));
        tokens.put(Kind.WRONG_AUDIENCE, clientToken(realmUrl, NO_AUDIENCE));
        KeyPair ours = rsaKey();
        ObjectNode impostor = privileged.deepCopy();
        impostor.put("iss", realmUrl.replace("/realms/neglect-exchange", "/realms/impostor"));
        tokens.put(Kind.WRONG_ISSUER, sign(impostor, ours, "impostor-key"));
        tokens.put(Kind.UNKNOWN_KID, sign(privileged, ours, "unknown-" + UUID.randomUUID()));
        tokens.put(Kind.ALG_NONE, encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(privileged.toString()) + ".");
        ObjectNode tampered = privileged.deepCopy();
        tampered.put("partnership", "WSSCP");
        tokens.put(Kind.TAMPERED_SIGNATURE, parts[0] + "." + encode(tampered.toString()) + "." + parts[2]);
        return tokens;
    }

    /** A real token of the 1-second client, once it has expired (at most ~2 s of waiting). */
    private static String expired(String realmUrl) {
        String token = clientToken(realmUrl, SHORT_LIVED);
        long exp = readPart(token.split("\\.")[1]).path("exp").asLong();
        long waitMillis = (exp + 1) * 1000 - Instant.now().toEpochMilli();
        try {
            if (waitMillis > 0) {
                Thread.sleep(waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return token;
    }

    private static String clientToken(String realmUrl, String clientId) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientId + "-secret", StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak has no client " + clientId + " (" + response.statusCode()
                        + "): the realm's test-only clients are missing; apply them to the running Keycloak with "
                        + "deploy/reliability/authz-matrix.sh --apply-realm-clients");
            }
            return Http.JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + realmUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JsonNode claims, KeyPair key, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toString());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setKey(key.getPrivate());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readPart(String part) {
        try {
            return Http.JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
