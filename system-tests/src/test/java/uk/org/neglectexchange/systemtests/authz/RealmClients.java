package uk.org.neglectexchange.systemtests.authz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every client of the realm file, as the matrix calls it: its claims (hard-coded mappers) and the realm roles of its
 * service account. Read from deploy/keycloak, so a client added there is in the matrix without touching the test.
 */
final class RealmClients {

    static final Path REALM_FILE = Path.of("..", "deploy", "keycloak", "neglect-exchange-realm.json");
    /** The realm's test-only clients make bad tokens (expired, wrong audience); they are not callers of the matrix. */
    static final String TEST_ONLY_PREFIX = "authz-matrix-";

    /**
     * A caller: a confidential client by its service account, or a user signing in through a public client (then
     * {@code username} and its dev-only {@code password} are set). {@code partnership} is HSCP, IOWSCP, WSSCP or ALL;
     * {@code toolkitFamily} only for editors.
     */
    record Client(String id, String clientId, String username, String password, String redirectUri, String partnership,
            String agency, String toolkitFamily, Set<String> roles) {

        boolean has(String role) {
            return roles.contains(role);
        }

        boolean ofOnePartnership() {
            return Partnerships.ALL.contains(partnership);
        }
    }

    private RealmClients() {
    }

    /** Every service account of the realm, and every user with a password through each public client. */
    static List<Client> load() {
        try {
            JsonNode realm = new ObjectMapper().readTree(REALM_FILE.toFile());
            Map<String, Set<String>> rolesByClient = new HashMap<>();
            List<JsonNode> users = new ArrayList<>();
            for (JsonNode user : realm.path("users")) {
                if (user.hasNonNull("serviceAccountClientId")) {
                    rolesByClient.put(user.get("serviceAccountClientId").asText(), roles(user));
                } else {
                    users.add(user);
                }
            }
            List<Client> clients = new ArrayList<>();
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                if (id.startsWith(TEST_ONLY_PREFIX)) {
                    continue;
                }
                Map<String, String> claims = new HashMap<>();
                Map<String, String> fromUserAttribute = new HashMap<>();
                for (JsonNode mapper : client.path("protocolMappers")) {
                    JsonNode config = mapper.path("config");
                    switch (mapper.path("protocolMapper").asText()) {
                        case "oidc-hardcoded-claim-mapper" -> claims.put(config.path("claim.name").asText(), config.path("claim.value").asText());
                        case "oidc-usermodel-attribute-mapper" -> fromUserAttribute.put(config.path("claim.name").asText(),
                                config.path("user.attribute").asText());
                        default -> { }
                    }
                }
                if (client.path("serviceAccountsEnabled").asBoolean(false)) {
                    clients.add(new Client(id, id, null, null, null, claims.get("partnership"), claims.get("agency"),
                            claims.get("toolkit_family"), rolesByClient.getOrDefault(id, Set.of())));
                } else if (client.path("publicClient").asBoolean(false) && client.path("standardFlowEnabled").asBoolean(false)) {
                    String redirectUri = client.path("redirectUris").path(0).asText().replace("*", "");
                    for (JsonNode user : users) {
                        String password = password(user);
                        if (password == null) {
                            continue;
                        }
                        Map<String, String> userClaims = new HashMap<>(claims);
                        fromUserAttribute.forEach((claim, attribute) -> userClaims.put(claim,
                                user.path("attributes").path(attribute).path(0).asText(null)));
                        String username = user.path("username").asText();
                        clients.add(new Client(id + "/" + username, id, username, password, redirectUri,
                                userClaims.get("partnership"), userClaims.get("agency"), userClaims.get("toolkit_family"), roles(user)));
                    }
                }
            }
            return clients;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REALM_FILE, e);
        }
    }

    private static Set<String> roles(JsonNode user) {
        Set<String> roles = new TreeSet<>();
        user.path("realmRoles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static String password(JsonNode user) {
        for (JsonNode credential : user.path("credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                return credential.path("value").asText();
            }
        }
        return null;
    }
}
