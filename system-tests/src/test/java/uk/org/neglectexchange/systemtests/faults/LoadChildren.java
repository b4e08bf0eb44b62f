package uk.org.neglectexchange.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;

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
            String body = "{\"nhsNumber\":\"" + testNhsNumber() + "\",\"givenName\":\"Fault\",\"familyName\":\"Run\","
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

    /** A number in the NHS test range (999), with its modulus-11 check digit. */
    private static String testNhsNumber() {
        while (true) {
            String digits = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits + check;
            }
        }
    }
}
