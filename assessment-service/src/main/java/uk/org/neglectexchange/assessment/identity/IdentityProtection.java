package uk.org.neglectexchange.assessment.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Identities are encrypted at rest (AES-256-GCM, a fresh IV per value) and matched by keyed hash (HMAC-SHA256), so
 * the database never holds an NHS number, a name or a date of birth in the clear, and a stolen copy cannot be
 * searched by them. Keys come from configuration (environment in production; dev-only defaults locally).
 */
@ApplicationScoped
public class IdentityProtection {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec matchingKey;
    private final SecureRandom random = new SecureRandom();

    IdentityProtection(IdentityConfig config) {
        this.encryptionKey = new SecretKeySpec(key(config.encryptionKey(), "nx.identity.encryption-key"), "AES");
        this.matchingKey = new SecretKeySpec(key(config.matchingKey(), "nx.identity.matching-key"), "HmacSHA256");
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered value", e);
        }
    }

    public String matchingHash(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(matchingKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private static byte[] key(String base64, String property) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes, base64-encoded");
        }
        return key;
    }
}
