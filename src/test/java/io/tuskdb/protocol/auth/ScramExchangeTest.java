package io.tuskdb.protocol.auth;

import io.tuskdb.catalog.ScramVerifier;
import io.tuskdb.error.PgException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server side of SCRAM-SHA-256 against a client computed here from RFC 5802's formulas. */
class ScramExchangeTest {
    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** Runs a full exchange; returns the server-final-message or null. */
    private static String exchange(ScramVerifier verifier, String password) {
        ScramExchange server = new ScramExchange(verifier, "alice");
        String clientFirstBare = "n=,r=clientnonce123";
        String serverFirst = new String(server.clientFirst(("n,," + clientFirstBare).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertThat(serverFirst).startsWith("r=clientnonce123").contains(",s=").contains(",i=4096");
        String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
        byte[] salt = Base64.getDecoder().decode(serverFirst.substring(serverFirst.indexOf("s=") + 2,
                serverFirst.indexOf(",i=")));
        String withoutProof = "c=biws,r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
        byte[] salted = ScramVerifier.saltedPassword(password, salt, 4096);
        byte[] clientKey = ScramVerifier.hmac(salted, "Client Key");
        byte[] signature = ScramVerifier.hmac(ScramVerifier.sha256(clientKey), authMessage);
        byte[] proof = new byte[32];
        for (int i = 0; i < 32; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        byte[] serverFinal = server.clientFinal((withoutProof + ",p=" + B64.encodeToString(proof))
                .getBytes(StandardCharsets.UTF_8));
        if (serverFinal == null) {
            return null;
        }
        byte[] expected = ScramVerifier.hmac(ScramVerifier.hmac(salted, "Server Key"), authMessage);
        assertThat(new String(serverFinal, StandardCharsets.UTF_8)).isEqualTo("v=" + B64.encodeToString(expected));
        return new String(serverFinal, StandardCharsets.UTF_8);
    }

    @Test
    void rightPasswordGetsTheServerSignature() {
        assertThat(exchange(ScramVerifier.create("pencil"), "pencil")).startsWith("v=");
    }

    @Test
    void wrongPasswordFailsAtTheEnd() {
        assertThat(exchange(ScramVerifier.create("pencil"), "pen")).isNull();
    }

    @Test
    void mockVerifierAlwaysFailsWithAStableSalt() {
        assertThat(exchange(null, "anything")).isNull();
        String s1 = new String(new ScramExchange(null, "ghost").clientFirst("n,,n=,r=a".getBytes()), StandardCharsets.UTF_8);
        String s2 = new String(new ScramExchange(null, "ghost").clientFirst("n,,n=,r=b".getBytes()), StandardCharsets.UTF_8);
        assertThat(s1.substring(s1.indexOf(",s="))).isEqualTo(s2.substring(s2.indexOf(",s=")));
    }

    @Test
    void channelBindingAndMalformedMessagesAreRefused() {
        assertThatThrownBy(() -> new ScramExchange(null, "x").clientFirst("p=tls-server-end-point,,n=,r=a".getBytes()))
                .isInstanceOf(PgException.class).hasMessageContaining("channel binding");
        assertThatThrownBy(() -> new ScramExchange(null, "x").clientFirst("n,,n=".getBytes()))
                .hasMessage("malformed SCRAM message");
        ScramExchange s = new ScramExchange(ScramVerifier.create("p"), "x");
        s.clientFirst("n,,n=,r=abc".getBytes());
        assertThatThrownBy(() -> s.clientFinal("c=biws,r=wrongnonce,p=AAAA".getBytes()))
                .hasMessage("malformed SCRAM message");
    }
}
