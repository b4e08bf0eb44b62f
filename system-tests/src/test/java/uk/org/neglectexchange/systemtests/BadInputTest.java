package uk.org.neglectexchange.systemtests;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.tokenFor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture;
import uk.org.neglectexchange.systemtests.BadRequests.BadRequest;
import uk.org.neglectexchange.systemtests.BadRequests.Baseline;
import uk.org.neglectexchange.systemtests.BadRequests.Operation;

/**
 * Bad input through the gateway into the real services (OWASP API8, API4): requests generated from the combined
 * OpenAPI document ({@link BadRequests}), each a valid request of a client allowed to make it, on its own
 * partnership's objects, with one thing made wrong. Every answer must be a 4xx problem+json (type, title, status)
 * that repeats no NHS number sent, never a 5xx, a reset or a hang; and nothing may change in any database or topic of
 * the run ({@link SuiteState}). A 2xx is counted and listed: for a read it may be a harmless ignored parameter, for a
 * write it is a service accepting bad input (and the state check fails).
 *
 * <p>{@code -Dnx.badinput.count} (default 1,500) requests, {@code -Dnx.badinput.seed} (default: random, printed),
 * {@code -Dnx.badinput.only=<index>} to send one request again. The full run is {@code deploy/reliability/bad-input.sh}.
 * The report goes to stdout and {@code target/bad-input-report.txt}.
 */
@SystemTest
class BadInputTest {

    private static final String CHILDRENS_SERVICES = "hscp-childrens-services";
    private static final String EDITOR = "hiow-toolkit-editor";
    private static final String DPO = "hscp-dpo";
    private static final String DASHBOARD = "hscp-dashboard";
    /** Its own tiny allowance (burst 3, 0.01/s: SuiteProcesses.AS_UNDER_TEST); no other test of this class uses it. */
    private static final String THROTTLED = "wsscp-education";
    private static final String PRACTITIONER = "fuzz-practitioner";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URL gateway;

    BadInputTest(SuiteProcesses suite) {
        this.gateway = suite.url("/");
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Objects of HSCP (and the HIOW toolkit) the generated requests aim at. */
    private record Fixtures(String childRef, String childNhs, String childDob, String siblingRef, String entryId,
            String assessmentId, String escalationId, String indicatorCode, String guidanceCode, JsonNode content,
            String subscriptionId) {
    }

    @Test
    void generatedBadRequestsAreRefusedAsProblemsAndChangeNothing() throws Exception {
        int count = Integer.getInteger("nx.badinput.count", 1500);
        long seed = Long.getLong("nx.badinput.seed", new java.security.SecureRandom().nextLong());
        Integer only = Integer.getInteger("nx.badinput.only");
        System.out.println("bad input: seed " + seed + ", " + count + " requests");

        JsonNode document = JSON.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asByteArray());
        assertTrue(!document.has("x-unavailable-services"), "every service is in the combined document");
        Fixtures fixtures = fixtures();
        BadRequests generator = new BadRequests(document, seed, op -> baseline(op, fixtures));
        System.out.println("operations: " + generator.operations().size());
        checkBaselines(generator);

        Map<String, String> before = stableState();
        Tally tally = new Tally();
        long started = System.nanoTime();
        List<Integer> indexes = only != null ? List.of(only) : IntStream.range(0, count).boxed().toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int index : indexes) {
            pool.submit(() -> tally.record(generator.generate(index), this::send));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.HOURS));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // give a relay or consumer that was (wrongly) set off by a request time to show it
        Thread.sleep(5000);
        List<String> changed = SuiteState.changed(before, SuiteState.snapshot());
        String report = tally.report(seed, indexes.size(), took, changed, generator);
        System.out.println(report);
        Files.writeString(Path.of("target", "bad-input-report.txt"), report);

        assertEquals(List.of(), tally.failures.stream().limit(20).toList(), "requests that broke the oracle");
        assertEquals(List.of(), changed, "tables or topics changed by refused requests");
    }

    @Test
    void aBodyOverTheGatewaysLimitIsRefusedWith413Problem() throws Exception {
        // 1 MiB + 1 of valid-looking JSON, to a service that would otherwise read it
        String huge = "{\"type\":\"VISIT\",\"occurredOn\":\"2026-01-01\",\"summary\":\"" + "a".repeat(1024 * 1024) + "\"}";
        HttpResponse<byte[]> announced = PrivacyScanCapture.received(http.send(HttpRequest.newBuilder(gateway.toURI()
                .resolve("api/v1/children/CH-ANY/chronology")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", bearer(CHILDRENS_SERVICES)).header("X-Practitioner-Id", PRACTITIONER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        assertProblem(announced, 413);
        // the same sent in chunks (no Content-Length): counted as it streams
        HttpResponse<byte[]> chunked = PrivacyScanCapture.received(http.send(HttpRequest.newBuilder(gateway.toURI()
                .resolve("api/v1/children/CH-ANY/chronology")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", bearer(CHILDRENS_SERVICES)).header("X-Practitioner-Id", PRACTITIONER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        assertProblem(chunked, 413);
    }

    @Test
    void aBurstOverAClientsRateLimitIsRefusedWith429AndRetryAfter() {
        String token = bearer(THROTTLED);
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().header("Authorization", token).when().get("/api/v1/partnerships")
                    .then().statusCode(200).header("RateLimit-Remaining", String.valueOf(remaining));
        }
        String retryAfter = given().header("Authorization", token).when().get("/api/v1/partnerships")
                .then().statusCode(429).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429)).body("title", equalTo("Too Many Requests"))
                .header("RateLimit-Remaining", "0").header("Retry-After", notNullValue())
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Fixtures fixtures() {
        // the services learn the seeded editions from toolkit-events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(CHILDRENS_SERVICES))
                .when().get("/api/v1/partnerships").then().statusCode(200)
                .body("find { it.code == 'HSCP' }.currentToolkitEdition.version", notNullValue()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(CHILDRENS_SERVICES))
                .when().get("/api/v1/escalation-procedures/HSCP").then().statusCode(200));
        // and so does the gateway's dashboard projection (its baseline read is a 404 until then)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(DASHBOARD))
                .when().get("/api/v1/dashboard/toolkit-review").then().statusCode(200));

        String nhs = BadRequests.NHS_SHAPED.get(1);
        String dob = LocalDate.now().minusYears(2).toString();
        String childRef = write(CHILDRENS_SERVICES, "/api/v1/children", Map.of("nhsNumber", nhs, "givenName", "Fuzz",
                "familyName", "Baseline", "dateOfBirth", dob)).path("childRef").asText();
        String siblingRef = write(CHILDRENS_SERVICES, "/api/v1/children", Map.of("givenName", "Fuzzy",
                "familyName", "Baseline", "dateOfBirth", LocalDate.now().minusYears(5).toString())).path("childRef").asText();
        String entryId = write(CHILDRENS_SERVICES, "/api/v1/children/" + childRef + "/chronology", Map.of("type", "VISIT",
                "occurredOn", LocalDate.now().minusDays(1).toString(), "summary", "Home visit")).path("id").asText();
        String indicator = JSON.valueToTree(given().header("Authorization", bearer(CHILDRENS_SERVICES))
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0/indicators?ageBand=0_4").then().statusCode(200)
                .extract().as(Object.class)).findValue("indicators").get(0).path("code").asText();
        String assessmentId = write(CHILDRENS_SERVICES, "/api/v1/children/" + childRef + "/assessments", null)
                .path("id").asText();
        write(CHILDRENS_SERVICES, "/api/v1/assessments/" + assessmentId + "/contributions", contribution(indicator));
        String escalationId = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", bearer(CHILDRENS_SERVICES)).header("X-Practitioner-Id", PRACTITIONER)
                .contentType(ContentType.JSON).body(escalation(childRef))
                .when().post("/api/v1/escalations").then().extract(), r -> r.statusCode() == 201).path("id");
        JsonNode edition = JSON.valueToTree(given().header("Authorization", bearer(EDITOR))
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0").then().statusCode(200).extract().as(Object.class));
        given().header("Authorization", bearer(EDITOR)).contentType(ContentType.JSON).body(Map.of("version", "1.1.0"))
                .when().post("/api/v1/toolkits/HIOW/editions").then().statusCode(201);
        String guidance = JSON.valueToTree(given().header("Authorization", bearer(CHILDRENS_SERVICES))
                .when().get("/api/v1/toolkits/HIOW/editions/1.0.0/guidance").then().statusCode(200)
                .extract().as(Object.class)).findValue("code").asText();
        // a legal hold on the child, so an erasure, however it is sent, is refused (409) and changes nothing
        given().header("Authorization", bearer(DPO)).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Practitioner-Id", PRACTITIONER).contentType(ContentType.JSON).body(Map.of("reason", "Held while its bad input is tried"))
                .when().post("/api/v1/children/" + childRef + "/legal-holds").then().statusCode(201);
        // a webhook subscription to a type children's services is never sent, so no delivery runs during the test
        String subscriptionId = write(CHILDRENS_SERVICES, "/api/v1/subscriptions", subscription()).path("id").asText();
        return new Fixtures(childRef, nhs, dob, siblingRef, entryId, assessmentId, escalationId, indicator, guidance,
                edition.path("content"), subscriptionId);
    }

    private static JsonNode write(String client, String path, Object body) {
        var request = given().header("Authorization", bearer(client)).header("X-Practitioner-Id", PRACTITIONER)
                .contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return JSON.valueToTree(request.when().post(path).then().statusCode(201).extract().as(Object.class));
    }

    private static Map<String, Object> contribution(String indicator) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("observations", List.of(Map.of("indicatorCode", indicator, "grade", 2, "note", "seen at home")));
        body.put("concerns", List.of("Food cupboard empty"));
        body.put("strengths", List.of("Mother asks for help"));
        body.put("evidence", List.of("Health visitor record"));
        body.put("purpose", "Multi-agency neglect assessment");
        body.put("lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN");
        body.put("consent", "GIVEN");
        return body;
    }

    private static Map<String, Object> subscription() {
        return Map.of("url", "http://127.0.0.1:9/bad-input", "types", List.of("toolkit.review.overdue"));
    }

    private static Map<String, Object> escalation(String childRef) {
        return Map.of("childRef", childRef, "otherAgency", "HEALTH", "disagreement", "We disagree about the plan",
                "currentRisk", "LOW");
    }

    /** Who may make the request (the role it needs), its own objects, and a valid body for it. */
    private static Baseline baseline(Operation op, Fixtures f) {
        String path = op.path();
        String client = CHILDRENS_SERVICES;
        if (path.startsWith("/api/v1/toolkits") && (op.write() || path.endsWith("/survey-results"))
                && !path.endsWith("/survey-responses")) {
            client = EDITOR;
        } else if (path.startsWith("/api/v1/audit")) {
            client = DPO;
        } else if (path.endsWith("/subject-access-export") || path.contains("/legal-holds") || path.endsWith("/erasure")) {
            client = DPO;
        } else if (path.startsWith("/api/v1/dashboard") || path.startsWith("/api/v1/events")) {
            client = DASHBOARD;
        }
        Map<String, String> values = new HashMap<>();
        values.put("family", "HIOW");
        values.put("version", path.endsWith("/content") || path.endsWith("/publication") ? "1.1.0" : "1.0.0");
        values.put("chart", "thresholds");
        values.put("code", f.guidanceCode());
        values.put("childRef", f.childRef());
        values.put("entryId", f.entryId());
        values.put("partnership", "HSCP");
        values.put("id", path.startsWith("/api/v1/assessments") ? f.assessmentId()
                : path.startsWith("/api/v1/escalations") ? f.escalationId()
                : path.startsWith("/api/v1/subscriptions") ? f.subscriptionId() : UUID.randomUUID().toString());
        values.put("deliveryId", UUID.randomUUID().toString());
        values.put("planId", UUID.randomUUID().toString());
        values.put("holdId", UUID.randomUUID().toString());
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.write() && !path.startsWith("/api/v1/toolkits")) {
            headers.put("X-Practitioner-Id", PRACTITIONER);
        }
        // the query parameters an operation cannot do without
        Map<String, String> query = new LinkedHashMap<>();
        if (path.equals("/api/v1/audit")) {
            query.put("childRef", f.childRef());
        } else if (path.endsWith("/diff")) {
            query.put("from", "1.0.0");
        }
        return new Baseline(client, values, query, headers, op.bodySchema() == null ? null : body(op, f));
    }

    private static JsonNode body(Operation op, Fixtures f) {
        String schema = op.bodySchema().path("$ref").asText().replaceAll(".*/", "");
        String yesterday = LocalDate.now().minusDays(1).toString();
        Object body = switch (schema) {
            case "NewChild" -> Map.of("nhsNumber", f.childNhs(), "givenName", "Fuzz", "familyName", "Baseline",
                    "dateOfBirth", f.childDob());
            case "NewChronologyEntry" -> Map.of("type", "VISIT", "occurredOn", yesterday, "summary", "Home visit");
            case "NewContribution" -> contribution(f.indicatorCode());
            case "NewCompletion" -> Map.of("primaryCategory", "DISORGANISED", "otherCategories", List.of("EMOTIONAL"),
                    "thresholdLevel", 2, "rationale", "Needs met inconsistently", "strengths", List.of("Grandmother nearby"),
                    "childsVoiceAbsentReason", "PRE_VERBAL");
            case "NewLevelDecision" -> Map.of("level", 4, "reason", "Confirmed at the front door");
            case "NewCarerLink" -> Map.of("givenName", "Sam", "familyName", "Carer", "relationship", "MOTHER",
                    "livesWithChild", true);
            case "NewSiblingLink" -> Map.of("relatedChildRef", f.siblingRef(), "relationship", "SIBLING");
            case "NewTransfer" -> Map.of("toPartnership", "IOWSCP", "reason", "FAMILY_MOVED");
            case "NewBirth" -> Map.of("dateOfBirth", yesterday);
            // the fixture's sibling carries another NHS number: never merged, whatever a generated request keeps
            case "NewMerge" -> Map.of("duplicateChildRef", f.siblingRef(), "reason", "Registered twice");
            case "NewPlan" -> Map.of("kind", "EARLY_HELP", "startDate", yesterday);
            case "PlanEnding" -> Map.of("endDate", yesterday, "reason", "OBJECTIVES_MET");
            case "NewDraft" -> Map.of("version", "1.2.0");
            case "EditionContent" -> f.content();
            case "NewSurveyResponse" -> Map.of("howeCategoriesFamiliarity", 4, "confidenceIdentifyingNeglect", 3,
                    "approachesApplied", List.of("HEAR_THE_CHILD"), "toolsUseful", 5, "improvementSuggestion",
                    "More worked examples");
            case "Acknowledgement" -> Map.of("note", "Seen and discussed");
            case "NewEscalation" -> escalation(f.childRef());
            case "NewAction" -> Map.of("action", "respond", "note", "Noted, a visit is booked", "expectedStage", 1);
            case "NewSubscription" -> subscription();
            case "NewRectification" -> Map.of("reason", "Recorded against the wrong child");
            // legal holds and erasure: the fixture's child is under a hold (fixtures()), so no request erases it
            case "ReasonRequest" -> Map.of("reason", "Held for the serious case review");
            default -> throw new IllegalStateException("no valid body known for " + schema + " (" + op.name()
                    + "): add one here so the generator starts from a valid request");
        };
        return JSON.valueToTree(body);
    }

    /**
     * The unmutated requests reach the service's own checks: reads answer 2xx, and writes (those safe to repeat
     * here) are not refused for their input or the caller's roles. Otherwise the generated requests would only
     * measure a 403.
     */
    private void checkBaselines(BadRequests generator) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Operation op : generator.operations()) {
            String path = op.path();
            boolean bodiless = op.write() && op.bodySchema() == null;
            // a merge of the fixture's child and its sibling is refused by design (two NHS numbers): no baseline to reach
            if (bodiless || path.endsWith("/completion") || path.endsWith("/transfers") || (op.write() && path.endsWith("/merges"))) {
                continue;
            }
            Baseline base = generator.baseline(op);
            String uri = path;
            for (var value : base.pathValues().entrySet()) {
                uri = uri.replace("{" + value.getKey() + "}", BadRequests.encodeSegment(value.getValue()));
            }
            uri += base.query().entrySet().stream().map(q -> q.getKey() + "=" + BadRequests.encodeSegment(q.getValue()))
                    .collect(Collectors.joining("&", base.query().isEmpty() ? "" : "?", ""));
            byte[] body = base.body() == null ? null : JSON.writeValueAsBytes(base.body());
            Map<String, String> headers = new LinkedHashMap<>(base.headers());
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            Answer answer = send(base.client(), op.method(), uri, headers, body);
            int status = answer.status();
            boolean fine = op.write() ? status < 400 || status == 404 || status == 409 : status < 300;
            System.out.println("baseline " + op.name() + " as " + base.client() + ": " + status);
            if (!fine) {
                wrong.add(op.name() + " → " + status + " " + new String(answer.body()));
            }
        }
        assertEquals(List.of(), wrong, "valid requests the services refuse: the generator would not reach their checks");
    }

    /** Waits until two snapshots a few seconds apart agree: the fixtures' events have been relayed and consumed. */
    private static Map<String, String> stableState() throws InterruptedException {
        Map<String, String> previous = SuiteState.snapshot();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(3000);
            Map<String, String> now = SuiteState.snapshot();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        throw new IllegalStateException("the suite did not settle within 90 s");
    }

    record Answer(int status, String contentType, byte[] body, String retryAfter) {
    }

    private Answer send(BadRequest request) throws IOException, InterruptedException {
        return send(request.client(), request.operation().method(), request.uri(), request.headers(), request.body());
    }

    private Answer send(String client, String method, String uri, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        for (int attempt = 0;; attempt++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway.toString().replaceAll("/$", "") + uri))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + tokenFor(client))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(builder::header);
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            byte[] bytes;
            try (InputStream in = response.body()) {
                // an event stream that opened does not end: its headers are the answer
                bytes = contentType.startsWith("text/event-stream") ? new byte[0] : in.readAllBytes();
            }
            if (response.statusCode() >= 400) {
                PrivacyScanCapture.recordError(method + " " + uri, response.statusCode(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            // the generator is not testing the rate limit: wait as told and send again
            if (response.statusCode() == 429 && attempt < 5 && retryAfter != null && Integer.parseInt(retryAfter) <= 5) {
                Thread.sleep(Integer.parseInt(retryAfter) * 1000L);
                THROTTLED_RETRIES.increment();
                continue;
            }
            return new Answer(response.statusCode(), contentType, bytes, retryAfter);
        }
    }

    private static final LongAdder THROTTLED_RETRIES = new LongAdder();

    private interface Sender {
        Answer send(BadRequest request) throws IOException, InterruptedException;
    }

    /** What the generated requests got, and which of them broke the oracle. */
    private static final class Tally {
        final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> byWhere = new ConcurrentHashMap<>();
        final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> perOperation = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger serverErrors = new AtomicInteger();
        final AtomicInteger notProblems = new AtomicInteger();
        final AtomicInteger echoes = new AtomicInteger();
        final AtomicInteger broken = new AtomicInteger();

        void record(BadRequest request, Sender sender) {
            count(byKind, request.kind().name());
            count(byWhere, request.where().name());
            count(perOperation, request.operation().name());
            Answer answer;
            try {
                answer = sender.send(request);
            } catch (Exception e) {
                broken.incrementAndGet();
                fail(request, "no answer: " + e);
                return;
            }
            byStatus.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
            if (answer.status() >= 500) {
                serverErrors.incrementAndGet();
                fail(request, "status " + answer.status() + " " + new String(answer.body()));
                return;
            }
            if (answer.status() < 300) {
                count(accepted, request.operation().name() + " ← " + request.kind() + " in " + request.where()
                        + (request.operation().write() ? " (WRITE)" : ""));
                // every generated write is invalid (see BadRequests): carrying one out is accepting bad input
                if (request.operation().write()) {
                    fail(request, "status " + answer.status() + ": a bad write was carried out");
                }
                return;
            }
            String problem = problemFault(answer);
            if (problem != null) {
                notProblems.incrementAndGet();
                fail(request, "status " + answer.status() + ", " + problem);
                return;
            }
            // the whole problem: detail, instance and errors alike
            String body = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
            for (String secret : request.secrets()) {
                if (body.contains(secret)) {
                    echoes.incrementAndGet();
                    fail(request, "status " + answer.status() + " repeats the NHS-number-shaped " + secret + ": " + body);
                    return;
                }
            }
        }

        private static String problemFault(Answer answer) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "Content-Type '" + answer.contentType() + "', body " + new String(answer.body(), 0,
                        Math.min(300, answer.body().length));
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (!problem.path("type").isTextual() || !problem.path("title").isTextual()
                        || problem.path("status").asInt() != answer.status()) {
                    return "problem without type, title or the status: " + problem;
                }
                return null;
            } catch (IOException e) {
                return "problem+json that is not JSON";
            }
        }

        private void fail(BadRequest request, String what) {
            String line = what + "\n  " + request.describe();
            failures.add(line);
            System.out.println("FAILED " + line);
        }

        private static void count(Map<String, AtomicInteger> counts, String key) {
            counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        String report(long seed, int sent, Duration took, List<String> changed, BadRequests generator) {
            StringBuilder out = new StringBuilder("\n=== bad input report ===\n");
            out.append("seed ").append(seed).append(", ").append(sent).append(" requests over ")
                    .append(generator.operations().size()).append(" operations in ").append(took.toSeconds())
                    .append(" s (").append(sent * 1000L / Math.max(1, took.toMillis())).append("/s); throttled and resent: ")
                    .append(THROTTLED_RETRIES.sum()).append('\n');
            out.append("by kind: ").append(sorted(byKind)).append('\n');
            out.append("by place: ").append(sorted(byWhere)).append('\n');
            out.append("by status: ").append(new TreeMap<>(byStatus)).append('\n');
            out.append("5xx: ").append(serverErrors).append(", 4xx not problem+json: ").append(notProblems)
                    .append(", NHS number repeated: ").append(echoes).append(", no answer (reset, timeout): ")
                    .append(broken).append('\n');
            out.append("2xx (accepted) by operation and mutation:\n");
            sorted(accepted).forEach((k, v) -> out.append("  ").append(v).append("  ").append(k).append('\n'));
            out.append("state (databases, topics) changed: ").append(changed.isEmpty() ? "nothing" : changed).append('\n');
            out.append("per operation: ").append(sorted(perOperation).values().stream().mapToInt(Integer::intValue)
                    .summaryStatistics()).append('\n');
            out.append("failures: ").append(failures.size()).append('\n');
            failures.stream().limit(50).forEach(f -> out.append(f).append('\n'));
            return out.toString();
        }

        private static Map<String, Integer> sorted(Map<String, AtomicInteger> counts) {
            return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(),
                    (a, b) -> a, TreeMap::new));
        }
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), new String(response.body()));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.path("status").asInt());
        assertTrue(problem.path("type").isTextual() && problem.path("title").isTextual(), problem.toString());
    }
}
