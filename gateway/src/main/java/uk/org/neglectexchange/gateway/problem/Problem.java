package uk.org.neglectexchange.gateway.problem;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem details body, shaped exactly like the services' own so a client handles one format whichever
 * component answered. The gateway never judges fields, so the services' {@code errors} member never appears here.
 * {@code instance} is the path with every segment that is not a plain route word masked ({@link #masked}): the
 * query, and path segments such as a child's reference, may carry personal data.
 */
public record Problem(String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Route words ("api", "v1", "level-changes"); anything else in a path is a value the client chose. */
    private static final Pattern ROUTE_WORD = Pattern.compile("[a-z]{1,40}(-[a-z]{1,40})*|v[0-9]");

    public static Problem of(int status, String title, String detail, String path) {
        return new Problem(title, status, detail, masked(path));
    }

    /** "/api/v1/children/CH-ABC/chronology" → "/api/v1/children/{value}/chronology": safe for an answer or a log. */
    public static String masked(String path) {
        if (path == null) {
            return null;
        }
        return Arrays.stream(path.split("/", -1)).map(s -> s.isEmpty() || ROUTE_WORD.matcher(s).matches() ? s : "{value}")
                .collect(Collectors.joining("/"));
    }

    public String type() {
        return "https://neglect-exchange.example/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    /** Empty members are left out, as the services' Jackson configuration does. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("type", type()).put("title", title).put("status", status);
        if (detail != null && !detail.isEmpty()) {
            json.put("detail", detail);
        }
        if (instance != null && !instance.isEmpty()) {
            json.put("instance", instance);
        }
        return json;
    }
}
