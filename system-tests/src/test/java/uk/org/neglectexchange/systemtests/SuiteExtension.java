package uk.org.neglectexchange.systemtests;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.ObjectMapperConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * Starts a suite ({@link SuiteProcesses}) for each {@link SystemTest} class before its first test and stops it after its
 * last: the suite is kept in the class's {@link ExtensionContext.Store}, which closes it when the class is done. One
 * suite per class, not one per run, because the classes rely on a fresh suite, as each had under
 * {@code @QuarkusTestResource(restrictToAnnotatedClass = true)}: absolute counts on the dashboard, edition 1.1.0 made
 * anew, nothing written by another class while BadInputTest compares the databases and topics before and after.
 *
 * <p>While the class runs, REST Assured's {@code given()} goes to the suite's gateway with what {@code @QuarkusTest}
 * set up before: a 30 s connection and read timeout, and JSON written as the gateway's own ObjectMapper writes it.
 */
public final class SuiteExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SuiteExtension.class);
    /** quarkus.http.test-timeout's default, which REST Assured had under @QuarkusTest. */
    private static final Duration REST_ASSURED_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        SystemTest marker = AnnotationSupport.findAnnotation(testClass, SystemTest.class).orElseThrow(
                () -> new IllegalStateException(testClass + " is not a @SystemTest"));
        Map<String, String> gateway = new HashMap<>(SuiteProcesses.AS_UNDER_TEST);
        gateway.putAll(marker.gateway().getDeclaredConstructor().newInstance().overrides());
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // an AutoCloseable in the store is closed with the class's context, after afterAll
        SuiteProcesses suite = store.getOrComputeIfAbsent(SuiteProcesses.class, k -> SuiteProcesses.start(gateway),
                SuiteProcesses.class);
        store.put(RestAssuredSettings.class, RestAssuredSettings.current());
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = suite.gatewayPort();
        RestAssured.basePath = "";
        long timeout = REST_ASSURED_TIMEOUT.toMillis();
        RestAssured.config = RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.conn-manager.timeout", timeout)
                        .setParam("http.connection.timeout", (int) timeout)
                        .setParam("http.socket.timeout", (int) timeout))
                .objectMapperConfig(ObjectMapperConfig.objectMapperConfig()
                        .jackson2ObjectMapperFactory((type, charset) -> new ObjectMapper().findAndRegisterModules()
                                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssuredSettings before = context.getStore(NAMESPACE).get(RestAssuredSettings.class, RestAssuredSettings.class);
        if (before != null) {
            before.restore();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SuiteProcesses.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SuiteProcesses suite = context.getStore(NAMESPACE).get(SuiteProcesses.class, SuiteProcesses.class);
        if (suite == null) {
            throw new ParameterResolutionException("no suite started for " + context.getRequiredTestClass());
        }
        return suite;
    }

    /** REST Assured's static settings before the class, put back after it (its filters stay as they are). */
    private record RestAssuredSettings(String baseUri, int port, String basePath, RestAssuredConfig config) {

        static RestAssuredSettings current() {
            return new RestAssuredSettings(RestAssured.baseURI, RestAssured.port, RestAssured.basePath, RestAssured.config);
        }

        void restore() {
            RestAssured.baseURI = baseUri;
            RestAssured.port = port;
            RestAssured.basePath = basePath;
            RestAssured.config = config;
        }
    }
}
