package uk.org.neglectexchange.gateway.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Standard Webhooks signing: interoperable with the reference libraries, and a verifier for receivers. */
class WebhookSignatureTest {

    // The Standard Webhooks / Svix test vector, as asserted by Svix's own library tests (PHP
    // WebhookTest::testSignFunctionWorks) and re-computed with `openssl dgst -sha256 -mac HMAC` when this was written.
    // Matching it is what says a subscriber's Standard Webhooks library accepts our signatures.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsThePublishedTestVector() {
        assertEquals(SIGNATURE, WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void verifiesAnyOfSeveralSignatures() {
        assertTrue(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE));
        // a receiver may be sent several during a secret rotation, and signatures of other versions
        assertTrue(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, "v1,bm9wZQ== v2,abc " + SIGNATURE));
    }

    @Test
    void refusesWhatWasNotSignedSo() {
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY + " ", SIGNATURE));
        assertFalse(WebhookSignature.verify(SECRET, ID + "x", TIMESTAMP, BODY, SIGNATURE));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, SIGNATURE));
        assertFalse(WebhookSignature.verify(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY, SIGNATURE));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, ""));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, null));
    }

    @Test
    void signsTheBodyAsUtf8() {
        String body = "{\"name\":\"Zoë\"}";
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, body);
        assertTrue(WebhookSignature.verify(SECRET, ID, TIMESTAMP, body, signature));
        assertFalse(WebhookSignature.verify(SECRET, ID, TIMESTAMP, "{\"name\":\"Zoe\"}", signature));
    }

    @Test
    void newSecretsAre32RandomBytes() {
        String one = WebhookSignature.newSecret();
        String two = WebhookSignature.newSecret();
        assertTrue(one.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(one.substring("whsec_".length())).length);
        assertNotEquals(one, two);
        assertTrue(WebhookSignature.verify(one, ID, TIMESTAMP, BODY, WebhookSignature.sign(one, ID, TIMESTAMP, BODY)));
    }

    @Test
    void refusesAMalformedSecretWithoutRepeatingIt() {
        for (String secret : new String[] { "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not*base64!", "whsec_" }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> WebhookSignature.sign(secret, ID, TIMESTAMP, BODY));
            assertFalse(refused.getMessage().contains("MfKQ9r8") || refused.getMessage().contains("not*base64"),
                    refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.sign(null, ID, TIMESTAMP, BODY));
    }
}
