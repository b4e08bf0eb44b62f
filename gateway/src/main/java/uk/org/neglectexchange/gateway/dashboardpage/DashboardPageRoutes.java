package uk.org.neglectexchange.gateway.dashboardpage;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The dashboard page's only dynamic parts. Its files are static resources (META-INF/resources/dashboard); this serves
 * its sign-in settings as {@code /dashboard/keycloak.json}, the file keycloak-js reads, so the files name no host and
 * one build runs anywhere.
 */
@Singleton
public class DashboardPageRoutes {

    private final String adapterConfig;

    DashboardPageRoutes(DashboardPageConfig config) {
        adapterConfig = new JsonObject()
                .put("auth-server-url", config.authServerUrl())
                .put("realm", config.realm())
                .put("resource", config.clientId())
                .put("public-client", true)
                .encode();
    }

    void register(@Observes Router router) {
        // the page's relative links (dashboard.css, sse.js) resolve only under the trailing slash; Vert.x matches
        // "/dashboard" for both forms, so the path itself decides
        router.get("/dashboard").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                ctx.redirect("/dashboard/");
            }
        });
        router.get("/dashboard/keycloak.json").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(adapterConfig));
    }
}
