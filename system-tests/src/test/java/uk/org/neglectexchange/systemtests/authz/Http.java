package uk.org.neglectexchange.systemtests.authz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import uk.org.neglectexchange.platform.testsupport.privacy.PrivacyScanCapture;

/** Plain HTTP for the matrix: a server-sent event stream is answered by its status line and then closed. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One request: {@code path} is relative to the base URL (gateway or service) and already filled in. */
    record Call(String method, String path, Map<String, String> headers, Object body, int success) {

        Call header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Call(method, path, h, body, success);
        }

        Call withSuccess(int status) {
            return new Call(method, path, headers, body, status);
        }

        Call withoutHeader(String name) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.remove(name);
            return new Call(method, path, h, body, success);
        }
    }

    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        boolean problemJson() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** A short reason for the report: the problem's detail, never a whole body. */
        String detail() {
            String detail = json().path("detail").asText("");
            return detail.length() > 160 ? detail.substring(0, 160) + "…" : detail;
        }
    }

    private Http() {
    }

    static Reply send(String baseUrl, Call call) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + call.path()))
                    .timeout(Duration.ofSeconds(30));
            call.headers().forEach(request::header);
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
            if (call.body() != null) {
                body = HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(call.body()));
                request.header("Content-Type", "application/json");
            }
            request.method(call.method(), body);
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream in = response.body()) {
                String text = contentType != null && contentType.startsWith("text/event-stream")
                        ? "" // the stream stays open: its status and type are the answer
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (call.body() != null) {
                    PrivacyScanCapture.recordSent(call.body());
                }
                if (response.statusCode() >= 400) {
                    PrivacyScanCapture.recordError(call.method() + " " + baseUrl + call.path(), response.statusCode(), text);
                }
                return new Reply(response.statusCode(), contentType, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
