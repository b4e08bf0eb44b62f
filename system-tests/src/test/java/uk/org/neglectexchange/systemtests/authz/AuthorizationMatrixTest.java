package uk.org.neglectexchange.systemtests.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.systemtests.GatewayProfile;
import uk.org.neglectexchange.systemtests.SuiteProcesses;
import uk.org.neglectexchange.systemtests.SystemTest;
import uk.org.neglectexchange.systemtests.authz.AuthorizationRules.Outcome;
import uk.org.neglectexchange.systemtests.authz.AuthorizationRules.Rule;
import uk.org.neglectexchange.systemtests.authz.AuthorizationRules.Scope;
import uk.org.neglectexchange.systemtests.authz.BadTokens.Kind;
import uk.org.neglectexchange.systemtests.authz.Http.Call;
import uk.org.neglectexchange.systemtests.authz.Http.Reply;
import uk.org.neglectexchange.systemtests.authz.MatrixRequests.Prepared;
import uk.org.neglectexchange.systemtests.authz.RealmClients.Client;

/**
 * The authorization matrix (OWASP API1 object-level, API2 authentication, API3 property exposure by other
 * partnerships, API5 function-level): every operation of the combined OpenAPI document, called through the gateway
 * by every client of the realm on its own partnership's objects and on the other partnerships', and once per
 * operation with each kind of bad token. Expected: {@link AuthorizationRules}; an allowed call must really succeed
 * (valid bodies, fresh objects), another partnership's object is 404, a missing role 403, a bad token 401, every
 * refusal problem+json. Bad tokens go through the gateway and straight to the owning service as well, past the
 * gateway: each service must refuse them on its own. The summary goes to the test output and target/authz-matrix.md.
 */
@SystemTest(gateway = AuthorizationMatrixTest.Unthrottled.class)
class AuthorizationMatrixTest {

    private static final Path REPORT = Path.of("target", "authz-matrix.md");

    /** The matrix is about who gets in, not how often: the per-client rate limits would only add 429s. */
    public static class Unthrottled extends GatewayProfile {
        @Override
        public Map<String, String> overrides() {
            return Map.of("nx.limits.default.requests-per-second", "100000", "nx.limits.default.burst", "100000",
                    "nx.limits.clients.\"wsscp-education\".requests-per-second", "100000",
                    "nx.limits.clients.\"wsscp-education\".burst", "100000");
        }
    }

    private final java.net.URL gatewayUrl;
    /** The suite under test: where the gateway routes each service, and the realm it was given. */
    private final SuiteProcesses suite;

    AuthorizationMatrixTest(SuiteProcesses suite) {
        this.gatewayUrl = suite.url("/");
        this.suite = suite;
    }

    @Test
    void everyOperationOfTheApiHasARuleAndEveryRuleAnOperation() {
        Set<String> documented = documentedOperations();
        Set<String> withoutRule = new TreeSet<>(documented);
        withoutRule.removeAll(AuthorizationRules.RULES.keySet());
        Set<String> withoutOperation = new TreeSet<>(AuthorizationRules.RULES.keySet());
        withoutOperation.removeAll(documented);
        Set<String> withoutRecipe = new TreeSet<>(AuthorizationRules.RULES.keySet());
        withoutRecipe.removeAll(MatrixRequests.RECIPES.keySet());
        assertTrue(withoutRule.isEmpty(), "operations in /q/openapi without a row in AuthorizationRules: " + withoutRule);
        assertTrue(withoutOperation.isEmpty(), "rows of AuthorizationRules that /q/openapi no longer has: " + withoutOperation);
        assertTrue(withoutRecipe.isEmpty(), "rows of AuthorizationRules without a request in MatrixRequests: " + withoutRecipe);
        assertEquals(AuthorizationRules.RULES.keySet(), MatrixRequests.RECIPES.keySet(), "requests for operations without a rule");
        assertTrue(AuthorizationRules.RULES.keySet().containsAll(AuthorizationRules.REFERENCES.keySet())
                && AuthorizationRules.REFERENCES.keySet().equals(MatrixRequests.REFERENCE_RECIPES.keySet()),
                "every reference check belongs to a rule and has a request");
    }

    @Test
    void everyClientGetsWhatTheRulesSayOnEveryOperation() throws IOException {
        Instant start = Instant.now();
        String gateway = gatewayUrl.toString().replaceAll("/$", "");
        List<Client> callers = RealmClients.load();
        assertTrue(callers.size() >= 18, "the realm's callers: " + callers);
        MatrixFixture fixture = new MatrixFixture(gateway);
        fixture.build();
        Instant fixtureBuilt = Instant.now();
        MatrixReport report = new MatrixReport();
        Set<String> documented = documentedOperations();

        for (Rule rule : AuthorizationRules.RULES.values()) {
            if (!documented.contains(rule.operation())) {
                continue; // reported by the coverage test
            }
            for (Client caller : callers) {
                for (String target : targets(rule, caller)) {
                    Outcome outcome = AuthorizationRules.expected(rule, caller, target, MatrixFixture.LEAD_AGENCY,
                            Set.of(MatrixFixture.LEAD_AGENCY, MatrixFixture.OTHER_PARTY));
                    Prepared prepared = MatrixRequests.RECIPES.get(rule.operation())
                            .prepare(fixture, caller, target, outcome == Outcome.ALLOWED);
                    int expected = switch (outcome) {
                        case ALLOWED -> prepared.call().success();
                        case FORBIDDEN -> 403;
                        case NOT_FOUND -> 404;
                    };
                    Reply reply = send(gateway, prepared.call(), CallerTokens.tokenFor(caller));
                    if (reply.status() == prepared.call().success()) {
                        prepared.onSuccess().accept(reply);
                    }
                    String relation = rule.scope() == Scope.NONE ? "-" : target.equals(caller.partnership()) ? "own" : "other";
                    report.record(rule.operation(), caller.id(), relation + " " + target, expected, reply);
                }
            }
        }
        for (Map.Entry<String, String> reference : AuthorizationRules.REFERENCES.entrySet()) {
            Rule rule = AuthorizationRules.RULES.get(reference.getKey());
            for (Client caller : callers) {
                if (!caller.ofOnePartnership() || AuthorizationRules.expected(rule, caller, caller.partnership(),
                        MatrixFixture.LEAD_AGENCY, Set.of()) != Outcome.ALLOWED) {
                    continue;
                }
                for (String other : Partnerships.ALL) {
                    if (!other.equals(caller.partnership())) {
                        Call call = MatrixRequests.REFERENCE_RECIPES.get(reference.getKey()).call(fixture, caller.partnership(), other);
                        report.record(reference.getKey() + " naming another partnership's " + reference.getValue(),
                                caller.id(), "other " + other, 404, send(gateway, call, CallerTokens.tokenFor(caller)));
                    }
                }
            }
        }
        Instant matrixDone = Instant.now();

        String realmUrl = suite.gatewayConfig().get("quarkus.oidc.auth-server-url");
        Map<Kind, String> badTokens = BadTokens.make(realmUrl);
        Client representative = callers.stream().filter(c -> "hscp-childrens-services".equals(c.id())).findFirst().orElseThrow();
        for (Rule rule : AuthorizationRules.RULES.values()) {
            if (!documented.contains(rule.operation())) {
                continue;
            }
            Call call = MatrixRequests.RECIPES.get(rule.operation()).prepare(fixture, representative, "HSCP", false).call();
            List<String> bases = new ArrayList<>(List.of(gateway));
            serviceUrl(call.path()).ifPresent(bases::add);
            for (String base : bases) {
                for (Map.Entry<Kind, String> bad : badTokens.entrySet()) {
                    Reply reply = send(base, call, bad.getValue());
                    String where = base.equals(gateway) ? "gateway" : "service";
                    report.record(rule.operation(), bad.getKey().name().toLowerCase(Locale.ROOT), where, 401, reply);
                }
            }
        }
        Instant end = Instant.now();

        Map<String, Duration> durations = new LinkedHashMap<>();
        durations.put("fixture", Duration.between(start, fixtureBuilt));
        durations.put("matrix", Duration.between(fixtureBuilt, matrixDone));
        durations.put("bad tokens", Duration.between(matrixDone, end));
        durations.put("total", Duration.between(start, end));
        String summary = report.markdown(callers.size(), documented.size(), fixture.calls(), durations);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, summary);
        System.out.println(summary);
        if (report.mismatches() > 0) {
            fail(report.mismatches() + " of " + report.calls() + " calls did not get what AuthorizationRules says "
                    + "(see " + REPORT.toAbsolutePath() + "):\n" + report.mismatchList(40));
        }
    }

    /**
     * The sensitivity dimension: every client reads the chronology (page and each entry), the assessment and the
     * summary of every partnership's child with texts at every sharing level; no answer body holds a text its reader
     * may not read ({@link SensitivityFixture#reads}), and a reader of the chronology gets every text it may read.
     */
    @Test
    void noAnswerHoldsATextItsReaderMayNotRead() {
        String gateway = gatewayUrl.toString().replaceAll("/$", "");
        MatrixFixture fixture = new MatrixFixture(gateway);
        fixture.build();
        SensitivityFixture sensitive = new SensitivityFixture(fixture);
        sensitive.build();
        List<String> leaks = new ArrayList<>();
        for (Client caller : RealmClients.load()) {
            String token = CallerTokens.tokenFor(caller);
            for (String target : Partnerships.ALL) {
                SensitivityFixture.Written written = sensitive.of(target);
                String child = "/api/v1/children/" + written.childRef();
                List<String> paths = new ArrayList<>(List.of(child + "/chronology", "/api/v1/assessments/" + written.assessmentId(),
                        child + "/summary", child));
                written.entryIds().forEach(id -> paths.add(child + "/chronology/" + id));
                for (String path : paths) {
                    Reply reply = send(gateway, MatrixFixture.get(path), token);
                    for (SensitivityFixture.Text text : written.texts()) {
                        boolean may = SensitivityFixture.reads(caller, target, text);
                        if (!may && reply.body() != null && reply.body().contains(text.marker())) {
                            leaks.add(caller.id() + " read " + text.level() + " by " + text.agency() + " at " + path);
                        }
                        boolean chronologyPage = path.equals(child + "/chronology") && reply.status() == 200;
                        if (may && chronologyPage && !text.contribution() && !reply.body().contains(text.marker())) {
                            leaks.add(caller.id() + " missed " + text.level() + " by " + text.agency() + " it may read");
                        }
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), leaks.size() + " texts reached the wrong reader or missed the right one:\n"
                + String.join("\n", leaks.subList(0, Math.min(40, leaks.size()))));
    }

    /** Whose objects a caller is sent to: every partnership's, unless the path names nothing of a partnership. */
    private static List<String> targets(Rule rule, Client caller) {
        if (rule.scope() == Scope.NONE) {
            return List.of(caller.ofOnePartnership() ? caller.partnership() : Partnerships.ALL.get(0));
        }
        return Partnerships.ALL;
    }

    private static Reply send(String base, Call call, String token) {
        Map<String, String> headers = MatrixFixture.standardHeaders(token);
        headers.putAll(call.headers());
        return Http.send(base, new Call(call.method(), call.path(), headers, call.body(), call.success()));
    }

    /** The service that owns a path, as the gateway routes it (the gateway's own paths have none). */
    private java.util.Optional<String> serviceUrl(String path) {
        String segment = path.split("/")[3];
        String route = switch (segment) {
            case "toolkits" -> "toolkit";
            case "partnerships", "children", "assessments" -> "assessment";
            case "escalations", "drift-alerts", "escalation-procedures" -> "escalation";
            default -> null;
        };
        return java.util.Optional.ofNullable(route).map(suite::serviceUrl);
    }

    /** {@code METHOD path} of every operation in the combined document the gateway serves. */
    private Set<String> documentedOperations() {
        Reply reply = Http.send(gatewayUrl.toString().replaceAll("/$", ""),
                new Call("GET", "/q/openapi?format=json", Map.of("Accept", "application/json"), null, 200));
        assertEquals(200, reply.status(), "GET /q/openapi");
        JsonNode document = reply.json();
        assertTrue(document.path("x-unavailable-services").isMissingNode(),
                "every service answers for the combined document: " + document.path("x-unavailable-services"));
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }
}
