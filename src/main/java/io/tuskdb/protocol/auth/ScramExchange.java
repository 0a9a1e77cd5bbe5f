package io.tuskdb.protocol.auth;

import io.tuskdb.catalog.ScramVerifier;
import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server side of one SCRAM-SHA-256 exchange (RFC 5802, RFC 7677), as PostgreSQL's
 * src/backend/libpq/auth-scram.c runs it: no channel binding (we offer SCRAM-SHA-256 only, never -PLUS), the
 * SCRAM user name is ignored (the startup packet's user counts). Without a usable verifier (unknown role, no
 * password) the exchange runs against a mock verifier and fails at the end, so a client cannot tell which roles
 * exist.
 */
public final class ScramExchange {
    public static final String MECHANISM = "SCRAM-SHA-256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MOCK_KEY = new byte[32];

    static {
        RANDOM.nextBytes(MOCK_KEY);
    }

    private final ScramVerifier verifier;
    private final boolean mock;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;

    /** {@code verifier} null runs the exchange with a mock salt derived from the user name, failing at the end. */
    public ScramExchange(ScramVerifier verifier, String userName) {
        if (verifier == null) {
            // A salt that stays the same for one user name across attempts, like PG's scram_mock_salt.
            byte[] salt = new byte[16];
            System.arraycopy(ScramVerifier.sha256(concat(MOCK_KEY, userName.getBytes(StandardCharsets.UTF_8))), 0,
                    salt, 0, 16);
            this.verifier = new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, salt, new byte[32], new byte[32]);
            this.mock = true;
        } else {
            this.verifier = verifier;
            this.mock = false;
        }
    }

    /** Handles client-first-message; returns server-first-message. */
    public byte[] clientFirst(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        // gs2-header: gs2-cbind-flag "," [authzid] ","
        if (text.isEmpty()) {
            throw malformed("The message is empty.");
        }
        char flag = text.charAt(0);
        if (flag == 'p') {
            throw protocolViolation("channel binding was requested, but not supported by this server");
        }
        if (flag != 'n' && flag != 'y' || text.length() < 2 || text.charAt(1) != ',') {
            throw malformed("Unexpected channel-binding flag \"" + flag + "\".");
        }
        int second = text.indexOf(',', 2);
        if (second < 0) {
            throw malformed("Comma expected, but found end of string.");
        }
        if (second > 2) {
            if (!text.startsWith("a=", 2)) {
                throw malformed("Unexpected attribute \"" + text.charAt(2) + "\" in client-first-message.");
            }
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.FATAL,
                    "client uses authorization identity, but it is not supported", null, null, 0, null, null, null,
                    null, null);
        }
        gs2Header = text.substring(0, second + 1);
        clientFirstBare = text.substring(second + 1);
        String clientNonce = null;
        for (String attribute : clientFirstBare.split(",")) {
            if (attribute.startsWith("r=")) {
                clientNonce = attribute.substring(2);
            } else if (attribute.startsWith("m=")) {
                throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, Severity.FATAL,
                        "client requires an unsupported SCRAM extension", null, null, 0, null, null, null, null, null);
            }
        }
        if (clientNonce == null || clientNonce.isEmpty()) {
            throw malformed("Attribute \"r\" expected.");
        }
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        nonce = clientNonce + Base64.getEncoder().encodeToString(raw);
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(verifier.salt()) + ",i="
                + verifier.iterations();
        return serverFirst.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Handles client-final-message: verifies the proof against StoredKey. Returns server-final-message, or null
     * when the password is wrong (or the verifier was a mock).
     */
    public byte[] clientFinal(byte[] message) {
        String text = new String(message, StandardCharsets.UTF_8);
        int proofAt = text.lastIndexOf(",p=");
        if (!text.startsWith("c=") || proofAt < 0) {
            throw malformed("Attribute \"c\" expected.");
        }
        String withoutProof = text.substring(0, proofAt);
        String channelBinding = null;
        String finalNonce = null;
        for (String attribute : withoutProof.split(",")) {
            if (attribute.startsWith("c=")) {
                channelBinding = attribute.substring(2);
            } else if (attribute.startsWith("r=")) {
                finalNonce = attribute.substring(2);
            }
        }
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!expectedBinding.equals(channelBinding)) {
            throw protocolViolation("unexpected SCRAM channel-binding attribute in client-final-message");
        }
        if (!nonce.equals(finalNonce)) {
            throw malformed("Nonce does not match.");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(text.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw malformed("Malformed proof in client-final-message.");
        }
        if (proof.length != 32) {
            throw malformed("Malformed proof in client-final-message.");
        }
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = ScramVerifier.hmac(verifier.storedKey(), authMessage);
        byte[] clientKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (mock || !MessageDigest.isEqual(ScramVerifier.sha256(clientKey), verifier.storedKey())) {
            return null;
        }
        byte[] serverSignature = ScramVerifier.hmac(verifier.serverKey(), authMessage);
        return ("v=" + Base64.getEncoder().encodeToString(serverSignature)).getBytes(StandardCharsets.UTF_8);
    }

    private static PgException malformed(String detail) {
        return protocolViolation("malformed SCRAM message").withDetail(detail);
    }

    private static PgException protocolViolation(String message) {
        return new PgException(SqlState.PROTOCOL_VIOLATION, Severity.FATAL, message, null, null, 0, null, null, null,
                null, null);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
