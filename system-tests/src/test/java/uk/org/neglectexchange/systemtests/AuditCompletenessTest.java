package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.tokenFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Audit completeness (issues 8, 18): a counted mixture of child-data reads and writes through the gateway into the real
 * services, every child-data operation of the API, each call with its own X-Request-Id; then the rows of the one
 * audit trail (the gateway's {@code audit_trail}, built from every service's audit.recorded events) for those ids are
 * counted, once every row the services' own {@code audit_entry} hold for the run has reached it (0 missing), and
 * compared, call by call, with
 * what each call should have left: one row per child whose data it read or wrote (two for a household link, which
 * writes both children), refusals decided on the child's data (another partnership's child: 404; a rule: 422)
 * included; none for a refusal before any child data is reached (no token 401, a role the token lacks 403, a body
 * that is not the operation's 400) or for a call that is not about a child (partnerships, procedures).
 * Last, each partnership's DPO verifies its chain. {@code -Dnx.audit.rounds} (default 1) repeats the mixture; the report is in stdout and target/audit-completeness.txt.
 * The bigger run is deploy/reliability/audit-completeness.sh.
 */
@SystemTest(gateway = AuditCompletenessTest.Unthrottled.class)
class AuditCompletenessTest {

    private static final String LEAD = "hscp-childrens-services";
    private static final String OTHER_PARTY = "hscp-health";
    private static final String OTHER_PARTNERSHIP = "wsscp-childrens-services";
    private static final String DASHBOARD = "hscp-dashboard";
    /** The children registered here are three: age band 0_4. */
    private static final String INDICATOR = "HIOW.PHYSICAL_CARE.NUTRITION.0_4";

    /** The completeness of the trail is the point here, not how often a client may call. */
    public static class Unthrottled extends GatewayProfile {
        @Override
        public Map<String, String> overrides() {
            return Map.of("nx.limits.default.requests-per-second", "100000", "nx.limits.default.burst", "100000");
        }
    }

    /** One call made: its operation, the status it got and the audit rows it should have left. */
    private record Made(String requestId, String operation, int status, int expectedStatus, int expectedRows) {
    }

    /** A child the escalation service has long known (its drift alert is proof), and that alert. */
    private record Prepared(String childRef, String alertId) {
    }

    private final String run = "audit-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final List<Made> made = new ArrayList<>();

    @Test
    void everyChildDataReadAndWriteIsAuditedOnceRefusalsOnTheChildIncluded() throws Exception {
        int rounds = Integer.getInteger("nx.audit.rounds", 1);
        long started = System.nanoTime();
        Prepared prepared = prepare();
        for (int round = 0; round < rounds; round++) {
            mixture(prepared);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        int serviceRows = serviceRows();
        Map<String, Integer> rows = trailRows(serviceRows);
        int trailRows = rows.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, int[]> byOperation = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (Made call : made) {
            int found = rows.getOrDefault(call.requestId(), 0);
            int[] tally = byOperation.computeIfAbsent(call.operation(), k -> new int[5]);
            tally[0]++;
            tally[1] += call.expectedRows();
            tally[2] += found;
            if (found < call.expectedRows()) {
                tally[3]++;
            }
            if (found > call.expectedRows()) {
                tally[4]++;
            }
            if (found != call.expectedRows() || call.status() != call.expectedStatus()) {
                wrong.add(call.operation() + " " + call.requestId() + ": status " + call.status() + " (expected "
                        + call.expectedStatus() + "), audit rows " + found + " (expected " + call.expectedRows() + ")");
            }
        }
        String report = report(rounds, took, byOperation, wrong)
                + "services' audit_entry rows " + serviceRows + ", in the trail " + trailRows + ", missing "
                + (serviceRows - trailRows) + "\n";
        System.out.println(report);
        Files.writeString(Path.of("target", "audit-completeness.txt"), report);
        assertEquals(serviceRows, trailRows, "rows of the services' audit_entry that did not reach the trail");
        assertEquals(List.of(), wrong.stream().limit(20).toList(), "calls whose audit rows or status were not as expected");
        for (String dpo : List.of("hscp-dpo", "iowscp-dpo", "wsscp-dpo")) {
            given().header("Authorization", "Bearer " + tokenFor(dpo)).when().get("/api/v1/audit/verification")
                    .then().statusCode(200).body("intact", org.hamcrest.Matchers.equalTo(true));
        }
    }

    // ---- the mixture

    /** Waits for what the calls rely on (editions, procedures) and makes a drift alert (D1: a referral left undecided). */
    private Prepared prepare() {
        await(() -> call("GET /api/v1/partnerships", LEAD, "GET", "/api/v1/partnerships", null, 200, 0),
                r -> r.jsonPath().getList("findAll { it.currentToolkitEdition != null }").size() == 3);
        await(() -> call("GET /api/v1/escalation-procedures/{partnership}", LEAD, "GET",
                "/api/v1/escalation-procedures/HSCP", null, 200, 0), r -> r.statusCode() == 200);
        String child = register();
        call("POST /api/v1/children/{childRef}/chronology", LEAD, "POST", "/api/v1/children/" + child + "/chronology",
                Map.of("type", "REFERRAL", "occurredOn", LocalDate.now().minusDays(10).toString(),
                        "summary", "Referral from the school"), 201, 1);
        String alertId = await(() -> call("GET /api/v1/drift-alerts", LEAD, "GET", "/api/v1/drift-alerts?childRef=" + child,
                null, 200, 1), r -> !r.jsonPath().getList("items").isEmpty()).jsonPath().getString("items[0].id");
        return new Prepared(child, alertId);
    }

    private void mixture(Prepared prepared) {
        String alertId = prepared.alertId();
        String child = register();
        String children = "/api/v1/children/" + child;
        call("GET /api/v1/children/{childRef}", LEAD, "GET", children, null, 200, 1);
        call("GET /api/v1/children/{childRef}/sharing-records", LEAD, "GET", children + "/sharing-records", null, 200, 1);
        String entry = call("POST /api/v1/children/{childRef}/chronology", LEAD, "POST", children + "/chronology",
                Map.of("type", "VISIT", "occurredOn", LocalDate.now().minusDays(1).toString(), "summary", "Home visit"),
                201, 1).path("id");
        call("GET /api/v1/children/{childRef}/chronology", LEAD, "GET", children + "/chronology", null, 200, 1);
        call("GET /api/v1/children/{childRef}/chronology/{entryId}", LEAD, "GET", children + "/chronology/" + entry, null, 200, 1);
        call("POST /api/v1/children/{childRef}/chronology/{entryId}/rectification", LEAD, "POST",
                children + "/chronology/" + entry + "/rectification", Map.of("reason", "Recorded against the wrong child"), 201, 1);
        // a household link writes both children's records: one row for each
        call("POST /api/v1/children/{childRef}/household-links", LEAD, "POST", children + "/household-links",
                Map.of("relatedChildRef", register(), "relationship", "SIBLING"), 201, 2);
        call("POST /api/v1/children/{childRef}/carers", LEAD, "POST", children + "/carers",
                Map.of("familyName", "Carer", "relationship", "MOTHER", "livesWithChild", true), 201, 1);
        call("GET /api/v1/children/{childRef}/household", LEAD, "GET", children + "/household", null, 200, 1);
        String assessment = "/api/v1/assessments/" + call("POST /api/v1/children/{childRef}/assessments", LEAD, "POST",
                children + "/assessments", null, 201, 1).path("id");
        call("GET /api/v1/assessments/{id}", LEAD, "GET", assessment, null, 200, 1);
        call("POST /api/v1/assessments/{id}/contributions", LEAD, "POST", assessment + "/contributions", contribution(), 201, 1);
        call("POST /api/v1/assessments/{id}/completion", LEAD, "POST", assessment + "/completion", completion(), 200, 1);
        call("POST /api/v1/assessments/{id}/amendments", LEAD, "POST", assessment + "/amendments", null, 201, 1);
        call("GET /api/v1/children/{childRef}/threshold-history", LEAD, "GET", children + "/threshold-history", null, 200, 1);
        // the subject access export, before the child moves to another partnership below
        call("GET /api/v1/children/{childRef}/subject-access-export", "hscp-dpo", "GET", children + "/subject-access-export",
                null, 200, 1);
        call("GET /api/v1/children/{childRef}/subject-access-export [another partnership's DPO]", "wsscp-dpo", "GET",
                children + "/subject-access-export", null, 404, 1);
        call("GET /api/v1/children/{childRef}/transfers", LEAD, "GET", children + "/transfers", null, 200, 1);
        String transfer = "/api/v1/transfers/" + call("POST /api/v1/children/{childRef}/transfers", LEAD, "POST",
                "/api/v1/children/" + register() + "/transfers", Map.of("toPartnership", "IOWSCP", "reason", "FAMILY_MOVED"),
                201, 1).path("id");
        call("POST /api/v1/transfers/{id}/accept", "iowscp-childrens-services", "POST", transfer + "/accept", null, 200, 1);

        String escalation = "/api/v1/escalations/" + call("POST /api/v1/escalations", LEAD, "POST", "/api/v1/escalations",
                Map.of("childRef", child, "otherAgency", "HEALTH", "disagreement",
                        "The referral was closed without a home visit", "currentRisk", "HIGH"), 201, 1).path("id");
        call("GET /api/v1/escalations", LEAD, "GET", "/api/v1/escalations", null, 200, 1);
        call("GET /api/v1/escalations/{id}", LEAD, "GET", escalation, null, 200, 1);
        call("POST /api/v1/escalations/{id}/actions", OTHER_PARTY, "POST", escalation + "/actions",
                Map.of("action", "respond", "note", "We will visit this week", "expectedStage", 1), 200, 1);
        call("GET /api/v1/drift-alerts", LEAD, "GET", "/api/v1/drift-alerts", null, 200, 1);
        call("POST /api/v1/drift-alerts/{id}/acknowledgement", LEAD, "POST", "/api/v1/drift-alerts/" + alertId
                + "/acknowledgement", Map.of("note", "Seen: the decision is due today"), 200, 1);

        // refused on the child's data: audited, as who tried to reach which child
        call("GET /api/v1/children/{childRef} [another partnership]", OTHER_PARTNERSHIP, "GET", children, null, 404, 1);
        call("GET /api/v1/escalations/{id} [another partnership]", OTHER_PARTNERSHIP, "GET", escalation, null, 404, 1);
        call("POST /api/v1/drift-alerts/{id}/acknowledgement [another partnership]", OTHER_PARTNERSHIP, "POST",
                "/api/v1/drift-alerts/" + alertId + "/acknowledgement", Map.of("note", "Not ours"), 404, 1);
        // a child the escalation service knows of: one registered a moment ago is not refused yet (docs/reliability.md)
        call("POST /api/v1/escalations [another partnership's child]", OTHER_PARTNERSHIP, "POST", "/api/v1/escalations",
                Map.of("childRef", prepared.childRef(), "otherAgency", "HEALTH", "disagreement", "Not ours", "currentRisk", "HIGH"), 404, 1);
        call("POST /api/v1/children [no date of birth: 422]", LEAD, "POST", "/api/v1/children",
                Map.of("familyName", familyName()), 422, 1);
        // refused before any child data is reached: nothing to audit
        call("GET /api/v1/children/{childRef} [no token]", null, "GET", children, null, 401, 0);
        call("GET /api/v1/children/{childRef} [role missing]", DASHBOARD, "GET", children, null, 403, 0);
        call("POST /api/v1/children [unknown field: 400]", LEAD, "POST", "/api/v1/children",
                Map.of("familyName", familyName(), "nickname", "x"), 400, 0);
    }

    private String register() {
        return call("POST /api/v1/children", LEAD, "POST", "/api/v1/children", Map.of("givenName", "Audit",
                "familyName", familyName(), "dateOfBirth", LocalDate.now().minusYears(3).toString()), 201, 1).path("childRef");
    }

    private static String familyName() {
        return "Audit" + ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    private static Map<String, Object> contribution() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("observations", List.of(Map.of("indicatorCode", INDICATOR, "grade", 4, "note", "seen at home visit")));
        body.put("concerns", List.of("Food cupboard empty at two visits"));
        body.put("strengths", List.of("Mother asks for help"));
        body.put("evidence", List.of("Record of two visits"));
        body.put("purpose", "Multi-agency neglect assessment");
        body.put("lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN");
        body.put("consent", "GIVEN");
        return body;
    }

    private static Map<String, Object> completion() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("primaryCategory", "SEVERE_DEPRIVATION");
        body.put("otherCategories", List.of());
        body.put("thresholdLevel", 3);
        body.put("rationale", "Needs unmet at two visits; targeted early help agreed");
        body.put("strengths", List.of("Grandmother nearby and involved"));
        body.put("childsVoiceAbsentReason", "PRE_VERBAL");
        return body;
    }

    // ---- plumbing

    /** One call through the gateway, with its own request id and every header an operation may need. */
    private Response call(String operation, String client, String method, String path, Object body, int expectedStatus,
            int expectedRows) {
        String requestId = run + made.size();
        RequestSpecification request = given().header("X-Request-Id", requestId)
                .header("X-Practitioner-Id", "p-audit").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION");
        if (client != null) {
            request.header("Authorization", "Bearer " + tokenFor(client));
        }
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        Response response = request.when().request(method, path);
        made.add(new Made(requestId, operation, response.statusCode(), expectedStatus, expectedRows));
        if (response.statusCode() != expectedStatus && expectedStatus < 300) {
            throw new IllegalStateException(operation + ": expected " + expectedStatus + ", got " + response.statusCode()
                    + " " + response.asString());
        }
        return response;
    }

    private static Response await(Supplier<Response> call, Predicate<Response> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            Response response = call.get();
            if (done.test(response) || Instant.now().isAfter(deadline)) {
                return response;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The rows of this run in every service's own audit_entry (the gateway's included). */
    private int serviceRows() throws SQLException {
        int rows = 0;
        for (String database : SuiteProcesses.databases()) {
            rows += perRequest(database, "audit_entry").values().stream().mapToInt(Integer::intValue).sum();
        }
        return rows;
    }

    /** Trail rows per request id of this run, once they are all there (or 60 s have passed: then some are missing). */
    private Map<String, Integer> trailRows(int expected) throws SQLException {
        String gateway = SuiteProcesses.databases().get(SuiteProcesses.databases().size() - 1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Map<String, Integer> rows = perRequest(gateway, "audit_trail");
            if (rows.values().stream().mapToInt(Integer::intValue).sum() >= expected || Instant.now().isAfter(deadline)) {
                return rows;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, Integer> perRequest(String database, String table) throws SQLException {
        Map<String, Integer> rows = new TreeMap<>();
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("NX_PG_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("NX_PG_PORT", "5432") + "/" + database;
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                var query = db.prepareStatement("select request_id, count(*) from " + table + " where request_id like ? "
                        + "group by request_id")) {
            query.setString(1, run + "%");
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.merge(result.getString(1), result.getInt(2), Integer::sum);
                }
            }
        }
        return rows;
    }

    private String report(int rounds, Duration took, Map<String, int[]> byOperation, List<String> wrong) {
        StringBuilder out = new StringBuilder("audit completeness: " + rounds + " round(s), " + made.size() + " calls in "
                + took.toSeconds() + " s\n");
        out.append(String.format("%-78s %6s %9s %6s %7s %5s%n", "operation", "calls", "expected", "rows", "missing", "extra"));
        int[] total = new int[5];
        byOperation.forEach((operation, t) -> {
            out.append(String.format("%-78s %6d %9d %6d %7d %5d%n", operation, t[0], t[1], t[2], t[3], t[4]));
            for (int i = 0; i < 5; i++) {
                total[i] += t[i];
            }
        });
        out.append(String.format("%-78s %6d %9d %6d %7d %5d%n", "total", total[0], total[1], total[2], total[3], total[4]));
        out.append("calls not as expected: ").append(wrong.size()).append('\n');
        wrong.stream().limit(20).forEach(w -> out.append("  ").append(w).append('\n'));
        return out.toString();
    }
}
