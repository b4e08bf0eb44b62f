package uk.org.neglectexchange.systemtests.authz;

import static uk.org.neglectexchange.systemtests.authz.MatrixFixture.client;
import static uk.org.neglectexchange.systemtests.authz.MatrixFixture.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.org.neglectexchange.systemtests.authz.Http.Reply;
import uk.org.neglectexchange.systemtests.authz.RealmClients.Client;

/**
 * The sensitivity dimension of the matrix: per partnership a child (registered by children's services) with a
 * chronology text at every sharing level each agency may choose, and an assessment with contributions at the
 * police's, health's and children's services' levels. Every text is a unique marker, so an answer body that holds
 * one a reader may not read is caught whatever the path. Who reads what mirrors assessment-service's
 * SharingLevelRule (README "Sharing levels"); education writes nothing, so it is not involved with the child.
 */
final class SensitivityFixture {

    /** One text as written: by which agency, at which level, as a chronology entry or a contribution. */
    record Text(String marker, String agency, String level, boolean contribution) {
    }

    /** What one partnership holds. */
    record Written(String childRef, String assessmentId, List<String> entryIds, List<Text> texts) {
    }

    /** The agencies the fixture's writes make involved with the child. */
    static final Set<String> INVOLVED = Set.of("CHILDRENS_SERVICES", "POLICE", "HEALTH");

    private static final List<Text> ENTRIES = List.of(
            new Text("", "POLICE", "POLICE_PART3", false), new Text("", "POLICE", "RESTRICTED", false),
            new Text("", "POLICE", "PARTNERSHIP", false), new Text("", "HEALTH", "RESTRICTED", false),
            new Text("", "HEALTH", "PARTNERSHIP", false), new Text("", "CHILDRENS_SERVICES", "RESTRICTED", false));
    private static final List<Text> CONTRIBUTIONS = List.of(
            new Text("", "POLICE", "POLICE_PART3", true), new Text("", "HEALTH", "RESTRICTED", true),
            new Text("", "CHILDRENS_SERVICES", "PARTNERSHIP", true));

    private final MatrixFixture fx;
    private final Map<String, Written> byPartnership = new LinkedHashMap<>();

    SensitivityFixture(MatrixFixture fx) {
        this.fx = fx;
    }

    Written of(String partnership) {
        return byPartnership.get(partnership);
    }

    void build() {
        for (String p : Partnerships.ALL) {
            String childRef = fx.freshChild(p);
            String tag = "Sensitive-" + p + "-" + System.nanoTime() + "-";
            List<String> entryIds = new ArrayList<>();
            List<Text> texts = new ArrayList<>();
            for (Text t : ENTRIES) {
                Text text = new Text(tag + t.agency() + "-" + t.level() + "-entry", t.agency(), t.level(), false);
                Map<String, Object> entry = Map.of("type", "CONCERN", "occurredOn", LocalDate.now().toString(),
                        "summary", text.marker(), "sharingLevel", text.level());
                entryIds.add(ok(fx.call(client(p, t.agency()), post("/api/v1/children/" + childRef + "/chronology", entry))).json()
                        .path("id").asText());
                texts.add(text);
            }
            String assessmentId = ok(fx.call(client(p, "CHILDRENS_SERVICES"),
                    post("/api/v1/children/" + childRef + "/assessments", null))).json().path("id").asText();
            for (Text t : CONTRIBUTIONS) {
                Text text = new Text(tag + t.agency() + "-" + t.level() + "-contribution", t.agency(), t.level(), true);
                Map<String, Object> body = MatrixFixture.contribution(p);
                body.put("concerns", List.of(text.marker()));
                body.put("sharingLevel", text.level());
                ok(fx.call(client(p, t.agency()), post("/api/v1/assessments/" + assessmentId + "/contributions", body)));
                texts.add(text);
            }
            byPartnership.put(p, new Written(childRef, assessmentId, entryIds, texts));
        }
    }

    /** Whether this caller may read this text of that partnership's child (SharingLevelRule). */
    static boolean reads(Client caller, String partnership, Text text) {
        if (!caller.ofOnePartnership() || !caller.partnership().equals(partnership)) {
            return false;
        }
        if (caller.has("data-protection")) {
            return true;
        }
        String agency = caller.agency();
        if ("CHILDRENS_SERVICES".equals(agency) || text.agency().equals(agency)) {
            return true;
        }
        return switch (text.level()) {
            // a client of no agency (the panel, the business team, a dashboard) is involved with no child
            case "PARTNERSHIP" -> agency != null && INVOLVED.contains(agency);
            case "POLICE_PART3" -> "POLICE".equals(agency);
            default -> false;
        };
    }

    private static Reply ok(Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException("sensitivity fixture: expected 201, got " + reply.status() + " " + reply.body());
        }
        return reply;
    }
}
