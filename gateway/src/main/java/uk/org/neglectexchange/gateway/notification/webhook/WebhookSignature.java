package uk.org.neglectexchange.gateway.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/): {@code v1,} + base64 HMAC-SHA256 over
 * {@code "{id}.{timestamp}.{body}"}, keyed with the base64 part of a {@code whsec_} secret. Following the spec exactly
 * is the point: a subscriber's existing Standard Webhooks library must accept what we send.
 */
public final class WebhookSignature {

    private static final String PREFIX = "whsec_";
    private static final String VERSION = "v1,";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, the size the spec recommends (24 to 64). */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value for one attempt. */
    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        return VERSION + Base64.getEncoder().encodeToString(hmac(key(secret), webhookId, timestampSeconds, body));
    }

    /**
     * Whether any of the space-separated {@code v1,} signatures in the header matches. The comparison takes the
     * same time wherever the bytes differ, so a receiver using it does not leak how close a forgery came. It does
     * not check the timestamp's age: a receiver should also refuse one more than a few minutes off its clock.
     */
    public static boolean verify(String secret, String webhookId, long timestampSeconds, String body,
            String signatureHeader) {
        if (signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, webhookId, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String candidate : signatureHeader.trim().split(" +")) {
            // no early exit, so the position of the matching signature is not observable either
            matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    /** The key bytes; the message never repeats the secret, so a refusal can be logged or returned safely. */
    private static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A webhook secret must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("A webhook secret must be " + PREFIX + " followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("A webhook secret must have a key after " + PREFIX);
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String webhookId, long timestampSeconds, String body) {
        try {
            // a Mac is not thread-safe and cheap to create, so one per signature
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
