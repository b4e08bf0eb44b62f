package uk.org.neglectexchange.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.testsupport.TestNhsNumbers;

/** The children a {@link WriteLoad} writes about, registered through the targets in turn (the gateway, or replicas). */
final class LoadChildren {

    private LoadChildren() {
    }

    static List<String> register(List<String> targets, Tokens tokens, int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        List<String> refs = new ArrayList<>();
        while (refs.size() < count) {
            String target = targets.get(refs.size() % targets.size());
            String body = "{\"nhsNumber\":\"" + TestNhsNumbers.random() + "\",\"givenName\":\"Fault\",\"familyName\":\"Run\","
                    + "\"dateOfBirth\":\"2021-03-0" + (1 + refs.size() % 9) + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target + "/api/v1/children"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", tokens.bearer())
                    .header("Content-Type", "application/json").header("X-Practitioner-Id", "faults-load")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            refs.add(json.readTree(response.body()).get("childRef").asText());
        }
        return refs;
    }
}
