package uk.org.neglectexchange.systemtests.authz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import uk.org.neglectexchange.platform.testsupport.KeycloakTokens;
import uk.org.neglectexchange.systemtests.SuiteProcesses;
import uk.org.neglectexchange.systemtests.authz.RealmClients.Client;

/**
 * A real access token for each caller: a service account by the client-credentials grant, a user the way a browser
 * gets one through a public client (authorization code with PKCE S256: Keycloak's login form, then the code
 * exchanged). Like {@link KeycloakTokens}, a user's token is reused for 200 s of its 300.
 */
final class CallerTokens {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Duration REUSE_FOR = Duration.ofSeconds(200);
    private static final Map<String, Issued> USER_TOKENS = new ConcurrentHashMap<>();

    private record Issued(String token, Instant at) {
    }

    private CallerTokens() {
    }

    static String tokenFor(Client caller) {
        return caller.username() == null
                ? KeycloakTokens.tokenFor(caller.clientId())
                : USER_TOKENS.compute(caller.id(), (id, issued) -> issued != null && issued.at().plus(REUSE_FOR).isAfter(Instant.now())
                        ? issued
                        : new Issued(signIn(caller), Instant.now())).token();
    }

    private static String signIn(Client caller) {
        String realm = SuiteProcesses.realmUrl();
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            String challenge = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/auth?"
                    + form(Map.of("client_id", caller.clientId(), "response_type", "code", "scope", "openid",
                            "redirect_uri", caller.redirectUri(), "state", "matrix", "code_challenge", challenge,
                            "code_challenge_method", "S256")))).build(), HttpResponse.BodyHandlers.ofString());
            // Keycloak marks its session cookies Secure; a browser still sends them to 127.0.0.1, java.net's CookieManager would not
            String cookies = login.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .collect(Collectors.joining("; "));
            Matcher action = FORM_ACTION.matcher(login.body());
            if (!action.find()) {
                throw new IllegalStateException("no login form from Keycloak for " + caller.id());
            }
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", caller.username(),
                            "password", caller.password(), "credentialId", "")))).build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                    caller.id() + " could not sign in: " + signedIn.statusCode()));
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            if (!code.find()) {
                throw new IllegalStateException(caller.id() + " got no code: " + location.replaceAll("code=[^&]+", "code=…"));
            }
            HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                            "client_id", caller.clientId(), "code", code.group(1), "redirect_uri", caller.redirectUri(),
                            "code_verifier", verifier)))).build(), HttpResponse.BodyHandlers.ofString());
            if (token.statusCode() != 200) {
                throw new IllegalStateException(caller.id() + ": the code exchange answered " + token.statusCode());
            }
            return Http.JSON.readTree(token.body()).path("access_token").asText();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot sign in " + caller.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
