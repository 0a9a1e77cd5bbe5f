package io.tuskdb.catalog;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A SCRAM-SHA-256 password verifier in PostgreSQL's stored format
 * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>} (RFC 5802, RFC 7677; PostgreSQL's
 * {@code src/common/scram-common.c}). The cleartext password is never stored.
 */
public record ScramVerifier(int iterations, byte[] salt, byte[] storedKey, byte[] serverKey) {
    public static final int DEFAULT_ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ScramVerifier create(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return create(password, salt, DEFAULT_ITERATIONS);
    }

    public static ScramVerifier create(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        return new ScramVerifier(iterations, salt, sha256(clientKey), hmac(salted, "Server Key"));
    }

    /** Parses PostgreSQL's stored form; null when the text is not a SCRAM-SHA-256 verifier. */
    public static ScramVerifier parse(String text) {
        if (text == null || !text.startsWith("SCRAM-SHA-256$")) {
            return null;
        }
        try {
            String[] parts = text.substring("SCRAM-SHA-256$".length()).split("[$:]");
            Base64.Decoder b64 = Base64.getDecoder();
            return new ScramVerifier(Integer.parseInt(parts[0]), b64.decode(parts[1]), b64.decode(parts[2]),
                    b64.decode(parts[3]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when {@code password} is the one this verifier was made from (for the cleartext "password" method). */
    public boolean matches(String password) {
        byte[] salted = saltedPassword(password, salt, iterations);
        return MessageDigest.isEqual(sha256(hmac(salted, "Client Key")), storedKey);
    }

    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder();
        return "SCRAM-SHA-256$" + iterations + ":" + b64.encodeToString(salt) + "$" + b64.encodeToString(storedKey)
                + ":" + b64.encodeToString(serverKey);
    }

    /** Hi(password, salt, i) of RFC 5802: PBKDF2 with HMAC-SHA-256. */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
