package uk.org.neglectexchange.gateway.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.routing.RoutesConfig;

/**
 * Serves at /q/openapi one OpenAPI document for the whole API, built from the services' own documents. A service
 * that is down is listed under {@code x-unavailable-services} rather than failing the whole document. The gateway's
 * own SmallRye document is moved to /q/openapi-gateway to free this path.
 */
@Singleton
public class CombinedOpenApiRoute {

    private static final Logger LOG = Logger.getLogger(CombinedOpenApiRoute.class);
    private static final YAMLMapper YAML = new YAMLMapper();

    private record Snapshot(long takenAtNanos, Future<JsonObject> document) {
    }

    private final AtomicReference<Snapshot> cached = new AtomicReference<>();
    private final ServiceOpenApiClient client;
    private final RoutesConfig routes;
    private final ApiDocsConfig config;

    CombinedOpenApiRoute(ServiceOpenApiClient client, RoutesConfig routes, ApiDocsConfig config) {
        this.client = client;
        this.routes = routes;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.get("/q/openapi").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        boolean yaml = "yaml".equalsIgnoreCase(ctx.request().getParam("format"));
        combinedDocument().onSuccess(document -> {
            if (yaml) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml;charset=UTF-8")
                        .end(toYaml(document));
            } else {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                        .end(document.toBuffer());
            }
        }).onFailure(ctx::fail);
    }

    private Future<JsonObject> combinedDocument() {
        Snapshot snapshot = cached.get();
        if (snapshot == null || System.nanoTime() - snapshot.takenAtNanos() > config.cacheFor().toNanos()) {
            // Two requests racing here both fetch; the cost is one extra fetch, not a wrong document.
            snapshot = new Snapshot(System.nanoTime(), fetchAndMerge());
            cached.set(snapshot);
        }
        return snapshot.document();
    }

    private Future<JsonObject> fetchAndMerge() {
        Map<String, Future<JsonObject>> fetches = new LinkedHashMap<>();
        new TreeMap<>(routes.services()).forEach((name, service) -> fetches.put(name, client.fetch(service.url())
                .onFailure(e -> LOG.warnf("OpenAPI document of the %s service unavailable: %s", name, e.toString()))));
        return Future.join(List.copyOf(fetches.values())).transform(ignored -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            List<String> unavailable = new ArrayList<>();
            fetches.forEach((name, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(name, fetch.result());
                } else {
                    unavailable.add(name);
                }
            });
            return Future.succeededFuture(OpenApiMerger.merge(documents, unavailable, config.openIdConnectUrl()));
        });
    }

    private static String toYaml(JsonObject document) {
        try {
            return YAML.writeValueAsString(YAML.readTree(document.encode()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The combined OpenAPI document could not be written as YAML", e);
        }
    }
}
