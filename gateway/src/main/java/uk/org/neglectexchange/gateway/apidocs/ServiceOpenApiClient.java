package uk.org.neglectexchange.gateway.apidocs;

import java.net.URI;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** Fetches one service's own OpenAPI document (SmallRye's, at /q/openapi), or the gateway's own, as JSON. */
@Singleton
class ServiceOpenApiClient {

    private final HttpClient client;
    private final long timeoutMillis;

    ServiceOpenApiClient(Vertx vertx, ApiDocsConfig config) {
        this.client = vertx.createHttpClient();
        this.timeoutMillis = config.fetchTimeout().toMillis();
    }

    Future<JsonObject> fetch(URI serviceUrl) {
        return fetchDocument(serviceUrl.resolve("/q/openapi?format=json"));
    }

    Future<JsonObject> fetchDocument(URI documentUrl) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(documentUrl.toString())
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        return client.request(options)
                .compose(request -> request.send())
                .compose(this::jsonBody);
    }

    private Future<JsonObject> jsonBody(HttpClientResponse response) {
        // The body is read whatever the status, so the pooled connection is freed.
        return response.body().compose(body -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("HTTP " + response.statusCode());
            }
            JsonObject document = body.toJsonObject();
            return document.containsKey("openapi") ? Future.succeededFuture(document)
                    : Future.failedFuture("not an OpenAPI document");
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
