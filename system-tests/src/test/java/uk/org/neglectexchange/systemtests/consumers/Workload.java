package uk.org.neglectexchange.systemtests.consumers;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A realistic mix of agency work through one gateway, by the realm's own clients, producing events on all three
 * topics: new toolkit editions for both families (before and halfway), and per child (the partnerships in turn) a
 * registration, a referral and its decision, a concern and a home visit, an assessment opened, contributed to and
 * completed, for every second child an escalation raised and escalated (every fourth also resolved), for every
 * third a case closure, and for every fifth a transfer to the next partnership.
 */
final class Workload {

    static final List<String> PARTNERSHIPS = List.of("HSCP", "IOWSCP", "WSSCP");
    private static final String KEYCLOAK = System.getenv().getOrDefault("NX_KEYCLOAK_URL", "http://127.0.0.1:8180")
            + "/realms/neglect-exchange/protocol/openid-connect/token";

    private final String gateway;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> requests = new TreeMap<>();
    private final Map<String, Integer> nextMinor = new LinkedHashMap<>();

    private record Token(String value, Instant at) {
    }

    Workload(String gateway) {
        this.gateway = gateway;
    }

    /** Requests sent, by what they did. */
    Map<String, Integer> requests() {
        return requests;
    }

    void run(int children) {
        awaitEditionsEverywhere();
        publishEditions();
        for (int i = 0; i < children; i++) {
            if (i == children / 2) {
                publishEditions();
            }
            child(i);
        }
    }

    /** The seeded editions must have reached the assessment service before an assessment can be opened. */
    void awaitEditionsEverywhere() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            Response r = send("hscp-health", "GET", "/api/v1/partnerships", null, null);
            if (r.statusCode() == 200 && r.jsonPath().getList("currentToolkitEdition").stream().allMatch(e -> e != null)
                    && r.jsonPath().getList("$").size() == 3) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the seeded editions did not reach the assessment service: " + r.asString());
            }
            JarProcess.sleep(Duration.ofMillis(500));
        }
    }

    private void publishEditions() {
        publishEdition("HIOW");
        publishEdition("WS");
    }

    /** Drafts the family's next minor version and publishes it. */
    void publishEdition(String family) {
        String editor = "HIOW".equals(family) ? "hiow-toolkit-editor" : "ws-toolkit-editor";
        int minor = nextMinor.computeIfAbsent(family, f -> Integer.parseInt(ok(send(editor, "GET",
                "/api/v1/toolkits/" + f + "/editions/current", null, null), 200, "current edition")
                .getString("version").split("\\.")[1]) + 1);
        nextMinor.put(family, minor + 1);
        String version = "1." + minor + ".0";
        ok(send(editor, "POST", "/api/v1/toolkits/" + family + "/editions", Map.of("version", version), "edition drafted"),
                201, "draft");
        ok(send(editor, "POST", "/api/v1/toolkits/" + family + "/editions/" + version + "/publication", null,
                "edition published"), 200, "publication");
    }

    private void child(int i) {
        String partnership = PARTNERSHIPS.get(i % PARTNERSHIPS.size());
        String cs = client(partnership, "childrens-services");
        String health = client(partnership, "health");
        String childRef = ok(send(health, "POST", "/api/v1/children", Map.of("givenName", "Replay", "familyName",
                "Child" + letters(i), "dateOfBirth",
                LocalDate.now().minusYears(1 + i % 4).toString()), "child registered"), 201, "child").getString("childRef");
        String chronology = "/api/v1/children/" + childRef + "/chronology";
        String referralId = ok(send(cs, "POST", chronology, Map.of("type", "REFERRAL", "occurredOn",
                LocalDate.now().minusDays(3).toString(), "summary", "Referral from the school"), "chronology entry"), 201, "referral")
                .getString("id");
        ok(send(cs, "POST", chronology, Map.of("type", "REFERRAL_DECISION", "occurredOn", LocalDate.now().minusDays(2).toString(),
                "summary", "Decided at the front door", "decision", "ASSESSMENT", "referralId", referralId), "chronology entry"),
                201, "decision");
        ok(send(health, "POST", chronology, Map.of("type", "CONCERN", "occurredOn", LocalDate.now().minusDays(1).toString(),
                "summary", "Food cupboard empty"), "chronology entry"), 201, "concern");
        ok(send(health, "POST", chronology, Map.of("type", "VISIT", "occurredOn", LocalDate.now().toString(),
                "summary", "Home visit"), "chronology entry"), 201, "visit");
        String assessment = ok(send(health, "POST", "/api/v1/children/" + childRef + "/assessments", null, "assessment opened"),
                201, "assessment").getString("id");
        ok(send(health, "POST", "/api/v1/assessments/" + assessment + "/contributions", contribution(partnership),
                "assessment contribution"), 201, "contribution");
        ok(send(cs, "POST", "/api/v1/assessments/" + assessment + "/completion", completion(1 + i % 4),
                "assessment completed"), 200, "completion");
        if (i % 2 == 0) {
            escalation(cs, childRef, i % 4 == 0);
        }
        if (i % 3 == 0) {
            ok(send(cs, "POST", chronology, Map.of("type", "CLOSURE", "occurredOn", LocalDate.now().toString(),
                    "summary", "Needs met", "closureReason", "NEEDS_MET"), "chronology entry"), 201, "closure");
        }
        if (i % 5 == 0) {
            String to = PARTNERSHIPS.get((i + 1) % PARTNERSHIPS.size());
            String transfer = ok(send(cs, "POST", "/api/v1/children/" + childRef + "/transfers", Map.of("toPartnership", to,
                    "reason", "FAMILY_MOVED"), "transfer requested"), 201, "transfer").getString("id");
            // the child moves (child.transferred) when the receiving partnership's children's services accepts
            ok(send(client(to, "childrens-services"), "POST", "/api/v1/transfers/" + transfer + "/accept", null,
                    "child transferred"), 200, "acceptance");
        }
    }

    private void escalation(String cs, String childRef, boolean resolve) {
        String id = ok(send(cs, "POST", "/api/v1/escalations", Map.of("childRef", childRef, "otherAgency", "HEALTH",
                "disagreement", "The referral was closed without a home visit", "currentRisk", "HIGH"), "escalation raised"),
                201, "escalation").getString("id");
        ok(send(cs, "POST", "/api/v1/escalations/" + id + "/actions", Map.of("action", "escalate", "reason",
                "No agreement at stage 1", "expectedStage", 1), "escalation escalated"), 200, "escalate");
        if (resolve) {
            ok(send(cs, "POST", "/api/v1/escalations/" + id + "/actions", Map.of("action", "resolve", "outcome",
                    "Joint visit agreed", "resolvedBy", "Team manager", "agreedAction", "Joint visit this week",
                    "expectedStage", 2),
                    "escalation resolved"), 200, "resolve");
        }
    }

    static Map<String, Object> contribution(String partnership) {
        String family = "WSSCP".equals(partnership) ? "WS" : "HIOW";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("observations", List.of(Map.of("indicatorCode", family + ".PHYSICAL_CARE.NUTRITION.0_4", "grade", 4,
                "note", "seen at home visit")));
        body.put("concerns", List.of("Food cupboard empty at two visits"));
        body.put("strengths", List.of("Mother asks for help"));
        body.put("evidence", List.of("Record of two visits"));
        body.put("purpose", "Multi-agency neglect assessment");
        body.put("lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN");
        body.put("consent", "GIVEN");
        return body;
    }

    static Map<String, Object> completion(int level) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("primaryCategory", "SEVERE_DEPRIVATION");
        body.put("otherCategories", List.of());
        body.put("thresholdLevel", level);
        body.put("rationale", "Needs unmet at two visits");
        body.put("strengths", List.of("Grandmother nearby and involved"));
        body.put("childsVoiceAbsentReason", "PRE_VERBAL");
        return body;
    }

    private static String letters(int n) {
        StringBuilder name = new StringBuilder();
        do {
            name.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return name.toString();
    }

    static String client(String partnership, String agency) {
        return partnership.toLowerCase(Locale.ROOT) + "-" + agency;
    }

    /** One request with every header a write or a read by another agency needs; a 429 is resent after Retry-After. */
    Response send(String clientId, String method, String path, Object body, String what) {
        while (true) {
            var request = given().baseUri(gateway).header("Authorization", "Bearer " + token(clientId))
                    .header("X-Practitioner-Id", "p-replay").header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                    .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION");
            if (body != null) {
                request = request.contentType(ContentType.JSON).body(body);
            }
            Response response = request.request(method, path);
            if (response.statusCode() == 429) {
                JarProcess.sleep(Duration.ofSeconds(Long.parseLong(response.header("Retry-After"))));
                continue;
            }
            if (what != null) {
                requests.merge(what, 1, Integer::sum);
            }
            return response;
        }
    }

    private static JsonPath ok(Response response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("workload " + what + ": expected " + status + ", got " + response.statusCode()
                    + " " + response.asString());
        }
        return response.jsonPath();
    }

    private String token(String clientId) {
        return tokens.compute(clientId, (id, held) -> held != null && held.at().plusSeconds(200).isAfter(Instant.now())
                ? held
                : new Token(given().formParam("grant_type", "client_credentials").formParam("client_id", id)
                        .formParam("client_secret", id + "-secret").when().post(KEYCLOAK)
                        .then().statusCode(200).extract().path("access_token"), Instant.now())).value();
    }
}
