package io.tuskdb.server;

import io.tuskdb.protocol.auth.AuthMethod;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HbaRuleTest {
    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void parsesPgHbaSyntax() throws Exception {
        HbaRule r = HbaRule.parse("hostssl  app,reports  alice,bob  10.1.0.0/16  scram-sha-256  # comment");
        assertThat(r.connectionType()).isEqualTo(HbaRule.ConnectionType.HOSTSSL);
        assertThat(r.databases()).containsExactly("app", "reports");
        assertThat(r.users()).containsExactly("alice", "bob");
        assertThat(r.method()).isEqualTo(AuthMethod.SCRAM_SHA_256);
        assertThat(r.matches(true, "app", "bob", ip("10.1.200.3"))).isTrue();
        assertThat(r.matches(false, "app", "bob", ip("10.1.200.3"))).isFalse();
        assertThat(r.matches(true, "other", "bob", ip("10.1.200.3"))).isFalse();
        assertThat(r.matches(true, "app", "carol", ip("10.1.200.3"))).isFalse();
        assertThat(r.matches(true, "app", "bob", ip("10.2.0.1"))).isFalse();
    }

    @Test
    void cidrMatchingForIpv4AndIpv6() throws Exception {
        HbaRule v4 = HbaRule.parse("host all all 192.168.1.128/25 md5");
        assertThat(v4.matches(false, "d", "u", ip("192.168.1.200"))).isTrue();
        assertThat(v4.matches(false, "d", "u", ip("192.168.1.100"))).isFalse();
        assertThat(v4.matches(false, "d", "u", ip("::1"))).isFalse();
        HbaRule v6 = HbaRule.parse("hostnossl all all fe80::/10 trust");
        assertThat(v6.matches(false, "d", "u", ip("fe80::1234"))).isTrue();
        assertThat(v6.matches(false, "d", "u", ip("2001:db8::1"))).isFalse();
        assertThat(v6.matches(true, "d", "u", ip("fe80::1234"))).isFalse();
        assertThat(HbaRule.parse("host all all ::1/128 trust").matches(false, "d", "u", ip("::1"))).isTrue();
        assertThat(HbaRule.parse("host all all 0.0.0.0/0 reject").matches(false, "d", "u", ip("8.8.8.8"))).isTrue();
        assertThat(HbaRule.parse("host all all samehost trust").matches(false, "d", "u", ip("127.0.0.1"))).isTrue();
        assertThat(HbaRule.parse("host sameuser all all trust").matches(false, "bob", "bob", ip("1.2.3.4"))).isTrue();
        assertThat(HbaRule.parse("host sameuser all all trust").matches(false, "x", "bob", ip("1.2.3.4"))).isFalse();
    }

    @Test
    void defaultsTrustLoopbackOnly() throws Exception {
        var rules = HbaRule.defaults();
        HbaRule forLoopback = rules.stream().filter(r -> r.matches(false, "d", "u", ip("127.0.0.1"))).findFirst().orElseThrow();
        assertThat(forLoopback.method()).isEqualTo(AuthMethod.TRUST);
        HbaRule forV6 = rules.stream().filter(r -> r.matches(false, "d", "u", ip("::1"))).findFirst().orElseThrow();
        assertThat(forV6.method()).isEqualTo(AuthMethod.TRUST);
        HbaRule remote = rules.stream().filter(r -> r.matches(false, "d", "u", ip("10.0.0.1"))).findFirst().orElseThrow();
        assertThat(remote.method()).isEqualTo(AuthMethod.SCRAM_SHA_256);
    }

    @Test
    void rejectsMalformedLines() {
        assertThatThrownBy(() -> HbaRule.parse("local all all trust")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HbaRule.parse("host all all 10.0.0.0/33 trust")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HbaRule.parse("host all all 10.0.0.0/8 ident")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HbaRule.parse("host all all example.com trust")).isInstanceOf(IllegalArgumentException.class);
    }
}
