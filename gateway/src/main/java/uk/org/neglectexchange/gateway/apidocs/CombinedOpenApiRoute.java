package uk.org.neglectexchange.gateway.apidocs;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.routing.RoutesConfig;

/**
 * Serves at /q/openapi one OpenAPI document for the whole API, built from the services' own documents and the
 * gateway's own (its event stream and dashboard resources, which SmallRye documents at /q/openapi-gateway to free this
 * path). A service that is down is listed under {@code x-unavailable-services} rather than failing the whole document.
 */
@Singleton
public class CombinedOpenApiRoute {

    private static final Logger LOG = Logger.getLogger(CombinedOpenApiRoute.class);
    private static final YAMLMapper YAML = new YAMLMapper();
    /** Name of the gateway's own document among the services' in the merge (and in x-unavailable-services). */
    static final String GATEWAY = "gateway";

    private record Snapshot(long takenAtNanos, Future<JsonObject> document) {
    }

    private final AtomicReference<Snapshot> cached = new AtomicReference<>();
    private final ServiceOpenApiClient client;
    private final RoutesConfig routes;
    private final ApiDocsConfig config;
    private final String ownDocumentPath;

    CombinedOpenApiRoute(ServiceOpenApiClient client, RoutesConfig routes, ApiDocsConfig config,
            @ConfigProperty(name = "quarkus.smallrye-openapi.path") String ownDocumentPath) {
        this.client = client;
        this.routes = routes;
        this.config = config;
        this.ownDocumentPath = ownDocumentPath;
    }

    void register(@Observes Router router) {
        router.get("/q/openapi").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        boolean yaml = "yaml".equalsIgnoreCase(ctx.request().getParam("format"));
        // the gateway's own document, from the address this very request reached, so it needs no configured URL
        SocketAddress self = ctx.request().localAddress();
        URI ownDocument = URI.create("http://" + (self.hostAddress().contains(":") ? "[" + self.hostAddress() + "]"
                : self.hostAddress()) + ":" + self.port() + ownDocumentPath + "?format=json");
        combinedDocument(ownDocument).onSuccess(document -> {
            if (yaml) {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml;charset=UTF-8")
                        .end(toYaml(document));
            } else {
                ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                        .end(document.toBuffer());
            }
        }).onFailure(ctx::fail);
    }

    private Future<JsonObject> combinedDocument(URI ownDocument) {
        Snapshot snapshot = cached.get();
        if (snapshot == null || System.nanoTime() - snapshot.takenAtNanos() > config.cacheFor().toNanos()) {
            // Two requests racing here both fetch; the cost is one extra fetch, not a wrong document.
            snapshot = new Snapshot(System.nanoTime(), fetchAndMerge(ownDocument));
            cached.set(snapshot);
        }
        return snapshot.document();
    }

    private Future<JsonObject> fetchAndMerge(URI ownDocument) {
        Map<String, Future<JsonObject>> fetches = new LinkedHashMap<>();
        fetches.put(GATEWAY, client.fetchDocument(ownDocument)
                .onFailure(e -> LOG.warnf("The gateway's own OpenAPI document unavailable: %s", e.toString())));
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
