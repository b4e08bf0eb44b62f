package uk.org.neglectexchange.systemtests.authz;

import static uk.org.neglectexchange.systemtests.authz.MatrixFixture.get;
import static uk.org.neglectexchange.systemtests.authz.MatrixFixture.post;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import uk.org.neglectexchange.systemtests.authz.Http.Call;
import uk.org.neglectexchange.systemtests.authz.Http.Reply;
import uk.org.neglectexchange.systemtests.authz.RealmClients.Client;

/**
 * How to call each operation of {@link AuthorizationRules} with a valid request on a target partnership's objects.
 * {@code allowed}: the caller is expected in, so a write gets fresh objects in the state it needs (and a 2xx is really
 * seen); a refused call is aimed at the fixture's shared objects, which it must leave alone.
 */
final class MatrixRequests {

    /** A request ready to send, and what to note in the fixture when it succeeds. */
    record Prepared(Call call, Consumer<Reply> onSuccess) {
    }

    @FunctionalInterface
    interface Recipe {
        Prepared prepare(MatrixFixture fx, Client caller, String target, boolean allowed);
    }

    static final Map<String, Recipe> RECIPES = new LinkedHashMap<>();

    private static final String TOOLKITS = "/api/v1/toolkits/";

    /** {@link AuthorizationRules#REFERENCES}: on the own partnership's child, naming another partnership's object. */
    static final Map<String, Reference> REFERENCE_RECIPES = Map.of(
            "POST /api/v1/children/{childRef}/household-links", (fx, own, other) -> post(child(fx, own) + "/household-links",
                    Map.of("relatedChildRef", fx.of(other).childRef(), "relationship", "SIBLING")),
            "POST /api/v1/children/{childRef}/carers", (fx, own, other) -> post(child(fx, own) + "/carers",
                    Map.of("carerRef", fx.of(other).carerRef(), "relationship", "FATHER", "livesWithChild", false)));

    @FunctionalInterface
    interface Reference {
        Call call(MatrixFixture fx, String own, String other);
    }

    static {
        plain("GET /api/v1/partnerships", (fx, c, t, a) -> get("/api/v1/partnerships"));
        plain("GET /api/v1/escalation-procedures", (fx, c, t, a) -> get("/api/v1/escalation-procedures"));
        plain("GET /api/v1/escalation-procedures/{partnership}", (fx, c, t, a) -> get("/api/v1/escalation-procedures/" + t));

        plain("GET /api/v1/toolkits/{family}/editions", (fx, c, t, a) -> get(TOOLKITS + family(t) + "/editions"));
        plain("GET /api/v1/toolkits/{family}/editions/current", (fx, c, t, a) -> get(TOOLKITS + family(t) + "/editions/current"));
        plain("GET /api/v1/toolkits/{family}/editions/{version}", (fx, c, t, a) -> get(published(fx, t)));
        for (String part : List.of("thresholds", "categories", "approaches", "guidance", "strategy", "action-plan", "charts")) {
            plain("GET /api/v1/toolkits/{family}/editions/{version}/" + part, (fx, c, t, a) -> get(published(fx, t) + "/" + part));
        }
        plain("GET /api/v1/toolkits/{family}/editions/{version}/indicators",
                (fx, c, t, a) -> get(published(fx, t) + "/indicators?ageBand=0_4"));
        plain("GET /api/v1/toolkits/{family}/editions/{version}/guidance/{code}",
                (fx, c, t, a) -> get(published(fx, t) + "/guidance/" + fx.guidanceCode(family(t))));
        plain("GET /api/v1/toolkits/{family}/editions/{version}/diff", (fx, c, t, a) -> get(published(fx, t) + "/diff?from=1.0.0"));
        plain("GET /api/v1/toolkits/{family}/editions/{version}/charts/{chart}",
                (fx, c, t, a) -> get(published(fx, t) + "/charts/thresholds").header("Accept", "application/json"));
        plain("POST /api/v1/toolkits/{family}/editions/{version}/survey-responses",
                (fx, c, t, a) -> post(published(fx, t) + "/survey-responses", Map.of("howeCategoriesFamiliarity", 4,
                        "confidenceIdentifyingNeglect", 3, "approachesApplied", List.of("HEAR_THE_CHILD"), "toolsUseful", 5,
                        "improvementSuggestion", "More joint training on the toolkit")));
        plain("GET /api/v1/toolkits/{family}/editions/{version}/survey-results", (fx, c, t, a) -> get(published(fx, t) + "/survey-results"));
        RECIPES.put("POST /api/v1/toolkits/{family}/editions", (fx, c, t, allowed) -> {
            String family = family(t);
            if (allowed) {
                fx.noDraft(family);
            }
            String version = fx.nextVersion(family);
            return new Prepared(post(TOOLKITS + family + "/editions", Map.of("version", version)), r -> fx.drafted(family, version));
        });
        plain("PUT /api/v1/toolkits/{family}/editions/{version}/content", (fx, c, t, allowed) -> {
            String family = family(t);
            String version = allowed ? fx.freshDraft(family) : fx.draftOrPublished(family);
            return new Call("PUT", TOOLKITS + family + "/editions/" + version + "/content", Map.of(), fx.content(family), 200);
        });
        RECIPES.put("POST /api/v1/toolkits/{family}/editions/{version}/publication", (fx, c, t, allowed) -> {
            String family = family(t);
            String version = allowed ? fx.freshDraft(family) : fx.draftOrPublished(family);
            return new Prepared(post(TOOLKITS + family + "/editions/" + version + "/publication", null).withSuccess(200),
                    r -> fx.published(family, version));
        });

        plain("POST /api/v1/children", (fx, c, t, a) -> post("/api/v1/children", Map.of("givenName", "Matrix",
                "familyName", "Mx" + UUID.randomUUID().toString().replaceAll("[^a-f]", ""), "dateOfBirth",
                java.time.LocalDate.now().minusYears(4).toString(), "partnership", t)));
        plain("GET /api/v1/children/{childRef}", (fx, c, t, a) -> get(child(fx, t)));
        plain("GET /api/v1/children/{childRef}/sharing-records", (fx, c, t, a) -> get(child(fx, t) + "/sharing-records"));
        plain("GET /api/v1/children/{childRef}/subject-access-export", (fx, c, t, a) -> get(child(fx, t) + "/subject-access-export"));
        plain("POST /api/v1/children/{childRef}/chronology", (fx, c, t, a) -> post(child(fx, t) + "/chronology", MatrixFixture.visit()));
        plain("GET /api/v1/children/{childRef}/chronology", (fx, c, t, a) -> get(child(fx, t) + "/chronology"));
        plain("GET /api/v1/children/{childRef}/chronology/{entryId}",
                (fx, c, t, a) -> get(child(fx, t) + "/chronology/" + fx.of(t).entryId()));
        // an entry is rectified once: an allowed call rectifies a fresh one, a refused one aims at the shared entry
        plain("POST /api/v1/children/{childRef}/chronology/{entryId}/rectification", (fx, c, t, allowed) -> post("/api/v1/children/"
                + (allowed ? fx.freshEntry(t) : fx.of(t).childRef() + "/chronology/" + fx.of(t).entryId()) + "/rectification",
                Map.of("reason", "Recorded against the wrong child")));
        plain("POST /api/v1/children/{childRef}/household-links", (fx, c, t, allowed) -> allowed
                ? post("/api/v1/children/" + fx.freshChild(t) + "/household-links",
                        Map.of("relatedChildRef", fx.freshChild(t), "relationship", "SIBLING"))
                // refused: the other child is the caller's own, so only the path's child can be the reason
                : post(child(fx, t) + "/household-links", Map.of("relatedChildRef",
                        fx.of(c.ofOnePartnership() ? c.partnership() : t).childRef(), "relationship", "SIBLING")));
        plain("POST /api/v1/children/{childRef}/carers", (fx, c, t, a) -> post(child(fx, t) + "/carers",
                Map.of("familyName", "Carer", "relationship", "MOTHER", "livesWithChild", true)));
        plain("GET /api/v1/children/{childRef}/household", (fx, c, t, a) -> get(child(fx, t) + "/household"));
        plain("POST /api/v1/children/{childRef}/assessments", (fx, c, t, allowed) ->
                post("/api/v1/children/" + (allowed ? fx.freshChild(t) : fx.of(t).childRef()) + "/assessments", null));
        plain("GET /api/v1/assessments/{id}", (fx, c, t, a) -> get("/api/v1/assessments/" + fx.of(t).assessmentId()));
        plain("POST /api/v1/assessments/{id}/contributions", (fx, c, t, allowed) -> post("/api/v1/assessments/"
                + (allowed ? fx.freshOpenAssessment(t) : fx.of(t).assessmentId()) + "/contributions", MatrixFixture.contribution(t)));
        plain("POST /api/v1/assessments/{id}/completion", (fx, c, t, allowed) -> post("/api/v1/assessments/"
                + (allowed ? fx.freshContributedAssessment(t) : fx.of(t).assessmentId()) + "/completion",
                MatrixFixture.completion()).withSuccess(200));
        plain("POST /api/v1/assessments/{id}/level-decision", (fx, c, t, a) -> post("/api/v1/assessments/"
                + fx.freshProposedAssessment(t) + "/level-decision", Map.of("level", 4, "reason", "Confirmed at the front door"))
                .withSuccess(200));
        plain("POST /api/v1/assessments/{id}/amendments", (fx, c, t, allowed) -> post("/api/v1/assessments/"
                + (allowed ? fx.freshCompletedAssessment(t) : fx.of(t).assessmentId()) + "/amendments", null));
        plain("GET /api/v1/children/{childRef}/threshold-history", (fx, c, t, a) -> get(child(fx, t) + "/threshold-history"));
        plain("GET /api/v1/children/{childRef}/assessments", (fx, c, t, a) -> get(child(fx, t) + "/assessments"));
        plain("GET /api/v1/children/{childRef}/summary", (fx, c, t, a) -> get(child(fx, t) + "/summary"));
        plain("POST /api/v1/children/{childRef}/birth", (fx, c, t, allowed) -> post("/api/v1/children/"
                + (allowed ? fx.freshUnbornChild(t) : fx.of(t).childRef()) + "/birth",
                Map.of("dateOfBirth", LocalDate.now().toString())).withSuccess(200));
        plain("POST /api/v1/children/{childRef}/plans", (fx, c, t, allowed) -> post("/api/v1/children/"
                + (allowed ? fx.freshChild(t) : fx.of(t).childRef()) + "/plans",
                Map.of("kind", "CHILD_IN_NEED", "startDate", LocalDate.now().minusDays(7).toString())));
        plain("POST /api/v1/children/{childRef}/plans/{planId}/end", (fx, c, t, a) -> post("/api/v1/children/"
                + fx.freshPlan(t) + "/end", Map.of("endDate", LocalDate.now().toString(), "reason", "OBJECTIVES_MET"))
                .withSuccess(200));
        plain("GET /api/v1/children/{childRef}/plans", (fx, c, t, a) -> get(child(fx, t) + "/plans"));
        // two fresh records of the target partnership each time: a merge cannot be undone
        plain("POST /api/v1/children/{childRef}/merges", (fx, c, t, a) -> post("/api/v1/children/" + fx.freshChild(t)
                + "/merges", Map.of("duplicateChildRef", fx.freshChild(t), "reason", "Registered twice")));
        plain("GET /api/v1/children/{childRef}/merges", (fx, c, t, a) -> get(child(fx, t) + "/merges"));
        plain("POST /api/v1/children/{childRef}/legal-holds", (fx, c, t, a) -> post(child(fx, t) + "/legal-holds",
                Map.of("reason", "Litigation about the family")));
        plain("GET /api/v1/children/{childRef}/legal-holds", (fx, c, t, a) -> get(child(fx, t) + "/legal-holds"));
        plain("POST /api/v1/children/{childRef}/legal-holds/{holdId}/lift", (fx, c, t, allowed) -> post("/api/v1/children/"
                + (allowed ? fx.freshHold(t) : fx.of(t).childRef() + "/legal-holds/" + UUID.randomUUID()) + "/lift",
                Map.of("reason", "Claim settled")).withSuccess(200));
        // an erasure cannot be undone: a fresh record of the target partnership each time it is allowed
        plain("POST /api/v1/children/{childRef}/erasure", (fx, c, t, allowed) -> post("/api/v1/children/"
                + (allowed ? fx.freshChild(t) : fx.of(t).childRef()) + "/erasure",
                Map.of("reason", "Subject's erasure request upheld")).withSuccess(200));
        plain("GET /api/v1/children/{childRef}/transfers", (fx, c, t, a) -> get(child(fx, t) + "/transfers"));
        plain("POST /api/v1/children/{childRef}/transfers", (fx, c, t, allowed) -> post("/api/v1/children/"
                + (allowed ? fx.freshChild(t) : fx.of(t).childRef()) + "/transfers",
                Map.of("toPartnership", Partnerships.next(t), "reason", "FAMILY_MOVED")));
        plain("POST /api/v1/transfers/{id}/accept", (fx, c, t, a) -> post("/api/v1/transfers/" + fx.freshTransferTo(t)
                + "/accept", null).withSuccess(200));
        plain("GET /api/v1/audit", (fx, c, t, a) -> get("/api/v1/audit?childRef=" + fx.of(t).childRef()));
        plain("GET /api/v1/audit/verification", (fx, c, t, a) -> get("/api/v1/audit/verification"));

        plain("POST /api/v1/escalations", (fx, c, t, a) -> post("/api/v1/escalations", MatrixFixture.disagreement(
                fx.of(t).childRef(), "HEALTH".equals(c.agency()) ? MatrixFixture.LEAD_AGENCY : MatrixFixture.OTHER_PARTY)));
        plain("GET /api/v1/escalations", (fx, c, t, a) -> get("/api/v1/escalations"));
        plain("GET /api/v1/escalations/{id}", (fx, c, t, a) -> get("/api/v1/escalations/" + fx.of(t).escalationId()));
        plain("POST /api/v1/escalations/{id}/actions", (fx, c, t, a) -> post("/api/v1/escalations/" + fx.of(t).escalationId()
                + "/actions", Map.of("action", "respond", "note", "We will visit this week", "expectedStage", 1)).withSuccess(200));
        plain("GET /api/v1/drift-alerts", (fx, c, t, a) -> get("/api/v1/drift-alerts?partnership=" + t));
        plain("POST /api/v1/drift-alerts/{id}/acknowledgement", (fx, c, t, a) -> post("/api/v1/drift-alerts/"
                + fx.of(t).alertId() + "/acknowledgement", Map.of("note", "Seen: the decision is due today")).withSuccess(200));

        for (String part : List.of("", "/children-by-category", "/children-by-level", "/level-changes", "/drift-alerts",
                "/escalations", "/toolkit-review", "/contributions-by-agency", "/neglect-protection-plans")) {
            plain("GET /api/v1/dashboard" + part, (fx, c, t, a) -> get("/api/v1/dashboard" + part));
        }
        plain("GET /api/v1/events/stream", (fx, c, t, a) -> get("/api/v1/events/stream").header("Accept", "text/event-stream"));

        // a subscription of the caller's own is made by the POST; the others name one nobody has, so a caller with the
        // role gets past the role check to a 404, and one without it a 403
        plain("GET /api/v1/notifications", (fx, c, t, a) -> get("/api/v1/notifications"));
        plain("GET /api/v1/notifications/stream", (fx, c, t, a) -> get("/api/v1/notifications/stream")
                .header("Accept", "text/event-stream"));
        plain("POST /api/v1/subscriptions", (fx, c, t, a) -> post("/api/v1/subscriptions",
                Map.of("url", "http://127.0.0.1:9/authz-matrix", "types", List.of("escalation.raised"))));
        plain("GET /api/v1/subscriptions", (fx, c, t, a) -> get("/api/v1/subscriptions"));
        String nobodys = "/api/v1/subscriptions/" + UUID.randomUUID();
        plain("GET /api/v1/subscriptions/{id}", (fx, c, t, a) -> get(nobodys).withSuccess(404));
        plain("DELETE /api/v1/subscriptions/{id}", (fx, c, t, a) -> new Call("DELETE", nobodys, Map.of(), null, 404));
        plain("POST /api/v1/subscriptions/{id}/test", (fx, c, t, a) -> post(nobodys + "/test", null).withSuccess(404));
        plain("GET /api/v1/subscriptions/{id}/deliveries", (fx, c, t, a) -> get(nobodys + "/deliveries").withSuccess(404));
        plain("POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/retry", (fx, c, t, a) -> post(nobodys
                + "/deliveries/" + UUID.randomUUID() + "/retry", null).withSuccess(404));
    }

    private MatrixRequests() {
    }

    @FunctionalInterface
    private interface PlainRecipe {
        Call call(MatrixFixture fx, Client caller, String target, boolean allowed);
    }

    private static void plain(String operation, PlainRecipe recipe) {
        if (RECIPES.put(operation, (fx, c, t, a) -> new Prepared(recipe.call(fx, c, t, a), r -> { })) != null) {
            throw new IllegalStateException("two recipes for " + operation);
        }
    }

    private static String family(String partnership) {
        return Partnerships.family(partnership);
    }

    private static String published(MatrixFixture fx, String partnership) {
        return TOOLKITS + family(partnership) + "/editions/" + fx.publishedVersion(family(partnership));
    }

    private static String child(MatrixFixture fx, String partnership) {
        return "/api/v1/children/" + fx.of(partnership).childRef();
    }
}
