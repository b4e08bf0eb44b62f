package uk.org.neglectexchange.gateway.suite.authz;

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

    /** A caller: {@code partnership} is HSCP, IOWSCP, WSSCP or ALL; {@code toolkitFamily} only for editors. */
    record Client(String id, String partnership, String agency, String toolkitFamily, Set<String> roles,
            boolean confidential) {

        boolean has(String role) {
            return roles.contains(role);
        }

        boolean ofOnePartnership() {
            return Partnerships.ALL.contains(partnership);
        }
    }

    private RealmClients() {
    }

    static List<Client> load() {
        try {
            JsonNode realm = new ObjectMapper().readTree(REALM_FILE.toFile());
            Map<String, Set<String>> rolesByClient = new HashMap<>();
            for (JsonNode user : realm.path("users")) {
                if (user.hasNonNull("serviceAccountClientId")) {
                    Set<String> roles = new TreeSet<>();
                    user.path("realmRoles").forEach(r -> roles.add(r.asText()));
                    rolesByClient.put(user.get("serviceAccountClientId").asText(), roles);
                }
            }
            List<Client> clients = new ArrayList<>();
            for (JsonNode client : realm.path("clients")) {
                String id = client.path("clientId").asText();
                if (id.startsWith(TEST_ONLY_PREFIX)) {
                    continue;
                }
                Map<String, String> claims = new HashMap<>();
                for (JsonNode mapper : client.path("protocolMappers")) {
                    if ("oidc-hardcoded-claim-mapper".equals(mapper.path("protocolMapper").asText())) {
                        claims.put(mapper.path("config").path("claim.name").asText(),
                                mapper.path("config").path("claim.value").asText());
                    }
                }
                clients.add(new Client(id, claims.get("partnership"), claims.get("agency"), claims.get("toolkit_family"),
                        rolesByClient.getOrDefault(id, Set.of()), !client.path("publicClient").asBoolean(false)
                                && client.path("serviceAccountsEnabled").asBoolean(false)));
            }
            return clients;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + REALM_FILE, e);
        }
    }
}
