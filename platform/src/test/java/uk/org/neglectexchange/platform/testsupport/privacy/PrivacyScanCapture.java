package uk.org.neglectexchange.platform.testsupport.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Keeps what deploy/reliability/privacy-scan.sh needs after the run: every error body (status ≥ 400) a test
 * received, every identity (NHS number, names, date of birth) a test sent, including generated ones that the
 * sources cannot show, and every free text a test wrote at a restricted sharing level. A module registers it for every test class by JUnit's extension auto-detection: its
 * src/test/resources/META-INF/services/org.junit.jupiter.api.extension.Extension names this class (quarkus-junit's
 * junit-platform.properties turns auto-detection on); it adds one REST Assured filter. Files, in the module's
 * target/privacy-scan/*.jsonl, fresh for each run.
 * A @QuarkusTest runs in Quarkus's own class loader, with its own REST Assured: the filter is installed there.
 */
public class PrivacyScanCapture implements BeforeAllCallback, BeforeEachCallback, Filter {

    private static final Path DIR = Path.of("target", "privacy-scan");
    private static final Path ERROR_BODIES = DIR.resolve("error-bodies.jsonl");
    private static final Path SENT_IDENTITIES = DIR.resolve("sent-identities.jsonl");
    private static final Path SENT_RESTRICTED_TEXTS = DIR.resolve("sent-restricted-texts.jsonl");
    /** The levels whose text only some readers may see (assessment-service's SharingLevel). */
    private static final Set<String> RESTRICTED_LEVELS = Set.of("RESTRICTED", "POLICE_PART3");
    /** An entry's or a contribution's free text: summary; concerns, strengths, evidence; observations[].note. */
    private static final Set<String> FREE_TEXT_FIELDS = Set.of("summary", "concerns", "strengths", "evidence", "note");
    private static final Set<String> IDENTITY_FIELDS = Set.of("nhsNumber", "givenName", "familyName", "dateOfBirth",
            "expectedDateOfBirth");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivacyScanCapture FILTER = new PrivacyScanCapture();
    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();
    private static volatile String currentTest = "";

    static {
        // once per JVM, whichever class loader comes first
        if (System.getProperties().putIfAbsent("nx.privacy-scan.capturing", "yes") == null) {
            try {
                Files.createDirectories(DIR);
                Files.deleteIfExists(ERROR_BODIES);
                Files.deleteIfExists(SENT_IDENTITIES);
                Files.deleteIfExists(SENT_RESTRICTED_TEXTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        inTestClassLoader(context, "install", context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        inTestClassLoader(context, "testStarted",
                context.getRequiredTestClass().getSimpleName() + "#" + context.getDisplayName());
    }

    private static void inTestClassLoader(ExtensionContext context, String method, String test) {
        try {
            Class.forName(PrivacyScanCapture.class.getName(), true, context.getRequiredTestClass().getClassLoader())
                    .getMethod(method, String.class).invoke(null, test);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not set up the privacy scan's capture", e);
        }
    }

    public static void install(String test) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
        currentTest = test;
    }

    public static void testStarted(String test) {
        currentTest = test;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Object body = request.getBody();
        if (body != null) {
            recordSent(body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : body);
        }
        Response answer = context.next(request, response);
        if (answer.statusCode() >= 400) {
            recordError(request.getMethod() + " " + request.getURI(), answer.statusCode(), answer.asString());
        }
        return answer;
    }

    /** A request body as sent (JSON text, or an object REST Assured will serialise): keeps its identity fields. */
    public static void recordSent(Object body) {
        JsonNode tree;
        try {
            tree = body instanceof String text ? JSON.readTree(text) : JSON.valueToTree(body);
        } catch (JsonProcessingException | IllegalArgumentException notJson) {
            return;
        }
        collect(tree);
    }

    private static void collect(JsonNode node) {
        if (node == null) {
            return;
        }
        if (RESTRICTED_LEVELS.contains(node.path("sharingLevel").asText())) {
            collectFreeText(node, node.path("sharingLevel").asText());
        }
        node.properties().forEach(field -> {
            if (IDENTITY_FIELDS.contains(field.getKey()) && field.getValue().isTextual()
                    && !field.getValue().asText().isBlank()) {
                String line = json(Map.of("field", field.getKey(), "value", field.getValue().asText()));
                if (SENT.add(line)) {
                    append(SENT_IDENTITIES, line);
                }
            } else {
                collect(field.getValue());
            }
        });
        if (node.isArray()) {
            node.forEach(PrivacyScanCapture::collect);
        }
    }

    private static void collectFreeText(JsonNode node, String level) {
        node.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (FREE_TEXT_FIELDS.contains(field.getKey())) {
                (value.isArray() ? value : List.of(value)).forEach(text -> {
                    if (text.isTextual() && !text.asText().isBlank()) {
                        String line = json(Map.of("level", level, "text", text.asText()));
                        if (SENT.add(line)) {
                            append(SENT_RESTRICTED_TEXTS, line);
                        }
                    }
                });
            } else if (value.isObject()) {
                collectFreeText(value, level);
            } else if (value.isArray()) {
                value.forEach(item -> collectFreeText(item, level));
            }
        });
    }

    /** For tests that use java.net.http rather than REST Assured: keeps the answer if it is an error. */
    public static <T> HttpResponse<T> received(HttpResponse<T> response) {
        if (response.statusCode() >= 400) {
            Object body = response.body();
            recordError(response.request().method() + " " + response.request().uri(), response.statusCode(),
                    body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body));
        }
        return response;
    }

    /** An answer with status ≥ 400, as the test received it. */
    public static void recordError(String request, int status, String body) {
        append(ERROR_BODIES, json(Map.of("test", currentTest, "request", request, "status", status,
                "body", body == null ? "" : body)));
    }

    private static String json(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void append(Path file, String line) {
        try {
            // getBytes, not writeString: a lone surrogate a test sent on purpose becomes '?' instead of an error
            Files.write(file, (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
