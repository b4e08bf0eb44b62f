package uk.org.neglectexchange.gateway.problem;

import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem details body, shaped exactly like the services' own so a client handles one format whichever
 * component answered. The gateway never judges fields, so the services' {@code errors} member never appears here.
 * {@code instance} is a path only: query strings may carry personal data.
 */
public record Problem(String title, int status, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem(title, status, detail, instance);
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
