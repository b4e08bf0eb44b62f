package uk.org.neglectexchange.systemtests.authz;

import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.tokenFor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.systemtests.authz.Http.Call;
import uk.org.neglectexchange.systemtests.authz.Http.Reply;

/**
 * The objects the matrix's paths name, made through the gateway by each partnership's own clients: per partnership a
 * child (lead agency children's services) with a chronology entry, a carer, an open assessment, an escalation between
 * children's services and health and a drift alert (D1: a referral left undecided); per family the published
 * edition's version and a guidance code. Calls that should succeed and change state get fresh objects
 * ({@code fresh*}), so each write meets the state it needs and the shared objects stay as they were.
 */
final class MatrixFixture {

    static final String LEAD_AGENCY = "CHILDRENS_SERVICES";
    /** The fixture's escalations are between these two agencies. */
    static final String OTHER_PARTY = "HEALTH";

    /** What one partnership holds. */
    record Objects(String childRef, String entryId, String assessmentId, String escalationId, String alertId,
            String carerRef) {
    }

    private final String gateway;
    private final Map<String, Objects> byPartnership = new HashMap<>();
    private final Map<String, String> publishedVersion = new HashMap<>();
    private final Map<String, String> draftVersion = new HashMap<>();
    private final Map<String, Integer> nextMinor = new HashMap<>();
    private final Map<String, String> guidanceCode = new HashMap<>();
    private int fixtureCalls;

    MatrixFixture(String gateway) {
        this.gateway = gateway;
    }

    int calls() {
        return fixtureCalls;
    }

    Objects of(String partnership) {
        return byPartnership.get(partnership);
    }

    String publishedVersion(String family) {
        return publishedVersion.get(family);
    }

    String guidanceCode(String family) {
        return guidanceCode.get(family);
    }

    /** The family's open draft, or (for calls that must be refused) its published edition. */
    String draftOrPublished(String family) {
        return draftVersion.getOrDefault(family, publishedVersion.get(family));
    }

    void build() {
        // the seeded editions have reached every service and the gateway's dashboard before anything depends on them
        await("the toolkit editions reached the assessment service", () -> call("hscp-health", get("/api/v1/partnerships")),
                r -> r.status() == 200 && r.json().findValues("currentToolkitEdition").stream().allMatch(v -> !v.isNull())
                        && r.json().size() == 3);
        for (String p : Partnerships.ALL) {
            await("the escalation procedure of " + p, () -> call("hscp-health", get("/api/v1/escalation-procedures/" + p)),
                    r -> r.status() == 200);
            String dashboard = p.toLowerCase(Locale.ROOT) + "-dashboard";
            await("the toolkit review on the " + p + " dashboard", () -> call(dashboard, get("/api/v1/dashboard/toolkit-review")),
                    r -> r.status() == 200);
        }
        for (String family : List.of("HIOW", "WS")) {
            String version = ok(call("hscp-health", get("/api/v1/toolkits/" + family + "/editions/current")), 200)
                    .path("version").asText();
            publishedVersion.put(family, version);
            nextMinor.put(family, Integer.parseInt(version.split("\\.")[1]) + 1);
            guidanceCode.put(family, ok(call("hscp-health", get("/api/v1/toolkits/" + family + "/editions/current/guidance")), 200)
                    .get(0).path("code").asText());
        }
        for (String p : Partnerships.ALL) {
            String cs = client(p, LEAD_AGENCY);
            String childRef = freshChild(p);
            String entryId = ok(call(cs, post("/api/v1/children/" + childRef + "/chronology", visit())), 201).path("id").asText();
            String assessmentId = ok(call(cs, post("/api/v1/children/" + childRef + "/assessments", null)), 201).path("id").asText();
            String carerRef = ok(call(cs, post("/api/v1/children/" + childRef + "/carers", Map.of("familyName", "Carer",
                    "relationship", "MOTHER", "livesWithChild", true))), 201).path("carerRef").asText();
            String escalationId = ok(call(cs, post("/api/v1/escalations", disagreement(childRef, OTHER_PARTY))), 201)
                    .path("id").asText();
            // D1: a referral received ten days ago and never decided
            String alertChild = freshChild(p);
            ok(call(cs, post("/api/v1/children/" + alertChild + "/chronology", Map.of("type", "REFERRAL",
                    "occurredOn", LocalDate.now().minusDays(10).toString(), "summary", "Referral from the school"))), 201);
            Reply alerts = await("a D1 drift alert in " + p, () -> call(cs, get("/api/v1/drift-alerts?childRef=" + alertChild)),
                    r -> r.status() == 200 && r.json().path("items").size() > 0);
            String alertId = alerts.json().path("items").get(0).path("id").asText();
            byPartnership.put(p, new Objects(childRef, entryId, assessmentId, escalationId, alertId, carerRef));
        }
    }

    // ---- fresh objects for calls that should succeed and change state

    String freshChild(String partnership) {
        Map<String, Object> child = Map.of("givenName", "Matrix", "familyName", randomName(),
                "dateOfBirth", LocalDate.now().minusYears(3).toString());
        return ok(call(client(partnership, LEAD_AGENCY), post("/api/v1/children", child)), 201).path("childRef").asText();
    }

    /** A new entry of the partnership's fixture child, as {@code childRef/chronology/entryId}: each call rectifies another. */
    String freshEntry(String partnership) {
        String childRef = of(partnership).childRef();
        String entryId = ok(call(client(partnership, LEAD_AGENCY), post("/api/v1/children/" + childRef + "/chronology", visit())), 201)
                .path("id").asText();
        return childRef + "/chronology/" + entryId;
    }

    String freshUnbornChild(String partnership) {
        Map<String, Object> child = Map.of("familyName", randomName(), "expectedDateOfBirth", LocalDate.now().plusDays(7).toString());
        return ok(call(client(partnership, LEAD_AGENCY), post("/api/v1/children", child)), 201).path("childRef").asText();
    }

    /** A transfer to {@code partnership} waiting for its acceptance, asked for by the partnership after it. */
    String freshTransferTo(String partnership) {
        String from = Partnerships.next(partnership);
        return ok(call(client(from, LEAD_AGENCY), post("/api/v1/children/" + freshChild(from) + "/transfers",
                Map.of("toPartnership", partnership, "reason", "FAMILY_MOVED"))), 201).path("id").asText();
    }

    /** A child with a plan of its own, as {@code childRef/plans/planId}: each call ends a plan not ended before. */
    String freshPlan(String partnership) {
        String childRef = freshChild(partnership);
        String planId = ok(call(client(partnership, LEAD_AGENCY), post("/api/v1/children/" + childRef + "/plans",
                Map.of("kind", "EARLY_HELP", "startDate", LocalDate.now().minusDays(30).toString()))), 201).path("id").asText();
        return childRef + "/plans/" + planId;
    }

    /** A child with a legal hold of its own, as {@code childRef/legal-holds/holdId}: each call lifts a hold not lifted before. */
    String freshHold(String partnership) {
        String childRef = freshChild(partnership);
        String holdId = ok(call(client(partnership, "DPO"), post("/api/v1/children/" + childRef + "/legal-holds",
                Map.of("reason", "Litigation about the family"))), 201).path("id").asText();
        return childRef + "/legal-holds/" + holdId;
    }

    String freshOpenAssessment(String partnership) {
        return ok(call(client(partnership, LEAD_AGENCY), post("/api/v1/children/" + freshChild(partnership) + "/assessments", null)), 201)
                .path("id").asText();
    }

    String freshContributedAssessment(String partnership) {
        String id = freshOpenAssessment(partnership);
        ok(call(client(partnership, LEAD_AGENCY), post("/api/v1/assessments/" + id + "/contributions", contribution(partnership))), 201);
        return id;
    }

    /** Completed by the partnership's health agency at level 4, which it may only propose: children's services decide it. */
    String freshProposedAssessment(String partnership) {
        String id = freshContributedAssessment(partnership);
        Map<String, Object> atLevelFour = completion();
        atLevelFour.put("thresholdLevel", 4);
        ok(call(client(partnership, "HEALTH"), post("/api/v1/assessments/" + id + "/completion", atLevelFour)), 200);
        return id;
    }

    String freshCompletedAssessment(String partnership) {
        String id = freshContributedAssessment(partnership);
        ok(call(client(partnership, LEAD_AGENCY), post("/api/v1/assessments/" + id + "/completion", completion())), 200);
        return id;
    }

    /** A draft of the family, opened by its editor (publishing the open one first, so a new one can be opened). */
    String freshDraft(String family) {
        noDraft(family);
        String version = nextVersion(family);
        ok(call(editorOf(family), post("/api/v1/toolkits/" + family + "/editions", Map.of("version", version))), 201);
        drafted(family, version);
        return version;
    }

    /** The next version an editor may open (a successful open through the matrix calls {@link #drafted}). */
    String nextVersion(String family) {
        return "1." + nextMinor.get(family) + ".0";
    }

    void drafted(String family, String version) {
        draftVersion.put(family, version);
        nextMinor.merge(family, 1, Integer::sum);
    }

    /** Before opening a draft through the matrix: none may be open. */
    void noDraft(String family) {
        if (draftVersion.containsKey(family)) {
            ok(call(editorOf(family), post("/api/v1/toolkits/" + family + "/editions/" + draftVersion.get(family) + "/publication", null)), 200);
            published(family, draftVersion.remove(family));
        }
    }

    void published(String family, String version) {
        draftVersion.remove(family, version);
        publishedVersion.put(family, version);
    }

    JsonNode content(String family) {
        return ok(call(editorOf(family), get("/api/v1/toolkits/" + family + "/editions/current")), 200).path("content");
    }

    // ---- request bodies

    static Map<String, Object> visit() {
        return Map.of("type", "VISIT", "occurredOn", LocalDate.now().minusDays(1).toString(), "summary", "Home visit");
    }

    static Map<String, Object> disagreement(String childRef, String otherAgency) {
        return Map.of("childRef", childRef, "otherAgency", otherAgency,
                "disagreement", "The referral was closed without a home visit", "currentRisk", "HIGH");
    }

    static Map<String, Object> contribution(String partnership) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("observations", List.of(Map.of("indicatorCode", Partnerships.family(partnership) + ".PHYSICAL_CARE.NUTRITION.0_4",
                "grade", 4, "note", "seen at home visit")));
        body.put("concerns", List.of("Food cupboard empty at two visits"));
        body.put("strengths", List.of("Mother asks for help"));
        body.put("evidence", List.of("Record of two visits"));
        body.put("purpose", "Multi-agency neglect assessment");
        body.put("lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN");
        body.put("consent", "GIVEN");
        return body;
    }

    static Map<String, Object> completion() {
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

    static String client(String partnership, String agency) {
        return partnership.toLowerCase(Locale.ROOT) + "-" + agency.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String editorOf(String family) {
        return "HIOW".equals(family) ? "hiow-toolkit-editor" : "ws-toolkit-editor";
    }

    /** Every header a write or a read by another agency needs; services ignore the ones an operation does not use. */
    static Map<String, String> standardHeaders(String bearer) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        headers.put("X-Practitioner-Id", "p-matrix");
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        headers.put("X-Purpose", "SAFEGUARDING");
        headers.put("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN");
        headers.put("X-Consent", "NOT_SOUGHT");
        headers.put("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION");
        return headers;
    }

    static Call get(String path) {
        return new Call("GET", path, Map.of(), null, 200);
    }

    static Call post(String path, Object body) {
        return new Call("POST", path, Map.of(), body, 201);
    }

    Reply call(String clientId, Call call) {
        fixtureCalls++;
        Map<String, String> headers = standardHeaders(tokenFor(clientId));
        headers.putAll(call.headers());
        return Http.send(gateway, new Call(call.method(), call.path(), headers, call.body(), call.success()));
    }

    private static JsonNode ok(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("fixture: expected " + status + ", got " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    private static Reply await(String what, Supplier<Reply> call, Predicate<Reply> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("fixture: waited 90 s for " + what + "; last answer " + (last == null ? "none"
                : last.status() + " " + last.body()));
    }

    private static String randomName() {
        StringBuilder name = new StringBuilder("Mx");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
