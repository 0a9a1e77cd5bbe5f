package io.tuskdb.protocol;

import io.tuskdb.error.PgException;
import io.tuskdb.error.Severity;
import io.tuskdb.error.SqlState;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Byte-exact encoding and decoding of protocol messages (protocol-message-formats.html). */
class CodecTest {
    private static String encode(BackendMessage... messages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackendWriter w = new BackendWriter(out);
        for (BackendMessage m : messages) {
            w.write(m);
        }
        assertThat(out.size()).as("nothing leaves before flush").isZero();
        w.flush();
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static FrontendDecoder decoder(String hex) {
        return new FrontendDecoder(new ByteArrayInputStream(HexFormat.of().parseHex(hex)));
    }

    @Test
    void backendMessages() throws IOException {
        assertThat(encode(new BackendMessage.ReadyForQuery('I'))).isEqualTo("5a0000000549");
        assertThat(encode(new BackendMessage.AuthenticationOk())).isEqualTo("520000000800000000");
        assertThat(encode(new BackendMessage.CommandComplete("SELECT 1"))).isEqualTo("430000000d53454c454354203100");
        assertThat(encode(new BackendMessage.DataRow(new byte[][] {{'1'}, null})))
                .isEqualTo("440000000f0002000000013" + "1ffffffff");
        assertThat(encode(new BackendMessage.RowDescription(List.of(
                new BackendMessage.Field("a", 16384, (short) 1, 23, (short) 4, -1, (short) 0)))))
                .isEqualTo("540000001a0001" + "6100" + "00004000" + "0001" + "00000017" + "0004" + "ffffffff" + "0000");
        assertThat(encode(new BackendMessage.AuthenticationSasl(List.of("SCRAM-SHA-256"))))
                .isEqualTo("52000000170000000a" + "534352414d2d5348412d32353600" + "00");
        assertThat(encode(new BackendMessage.CopyInResponse(false, 2))).isEqualTo("470000000b00000200000000");
        assertThat(encode(new BackendMessage.ParameterDescription(new int[] {23}))).isEqualTo("740000000a000100000017");
    }

    @Test
    void errorResponseFields() throws IOException {
        PgException e = new PgException(SqlState.UNDEFINED_TABLE, Severity.ERROR, "x", "d", null, 15, null, "t", null,
                null, null);
        assertThat(encode(new BackendMessage.ErrorResponse(e))).isEqualTo("45000000" + "27"
                + "534552524f5200" + "564552524f5200" + "433432503031" + "00" + "4d7800" + "446400" + "50313500"
                + "747400" + "00");
    }

    @Test
    void aDataRowLeftUnfinishedIsDropped() throws IOException {
        // a value's output function failed mid-row: only whole messages may reach the client
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BackendWriter w = new BackendWriter(out);
        w.beginDataRow(1);
        w.textValue("1");
        w.endDataRow();
        w.beginDataRow(2);
        w.textValue("half");
        w.discardOpenMessage();
        w.discardOpenMessage(); // nothing open any more: a no-op
        w.write(new BackendMessage.ReadyForQuery('I'));
        w.flush();
        assertThat(HexFormat.of().formatHex(out.toByteArray()))
                .isEqualTo("440000000b00010000000131" + "5a0000000549");
    }

    @Test
    void nonAsciiTextIsUtf8() throws IOException {
        assertThat(encode(new BackendMessage.CommandComplete("é"))).isEqualTo("4300000007c3a900");
    }

    @Test
    void frontendMessages() throws IOException {
        FrontendDecoder d = decoder("51000000" + "0d" + "53454c4543542031" + "00"   // Q "SELECT 1"
                + "50000000" + "11" + "733100" + "24312000" + "0001" + "00000017"   // P "s1" "$1 " [23]
                + "45000000" + "09" + "00" + "0000000a"                             // E "" 10
                + "53000000" + "04");                                                // S
        assertThat(d.readMessage(false)).isEqualTo(new FrontendMessage.Query("SELECT 1"));
        FrontendMessage.Parse p = (FrontendMessage.Parse) d.readMessage(false);
        assertThat(p.statementName()).isEqualTo("s1");
        assertThat(p.sql()).isEqualTo("$1 ");
        assertThat(p.parameterTypes()).containsExactly(23);
        assertThat(d.readMessage(false)).isEqualTo(new FrontendMessage.Execute("", 10));
        assertThat(d.readMessage(false)).isInstanceOf(FrontendMessage.Sync.class);
        assertThat(d.readMessage(false)).isNull();
    }

    @Test
    void startupPackets() throws IOException {
        assertThat(decoder("0000000804d2162f").readStartupPacket()).isInstanceOf(FrontendMessage.SslRequest.class);
        assertThat(decoder("0000001004d2162e0000007b000001c8").readStartupPacket())
                .isEqualTo(new FrontendMessage.CancelRequest(123, 456));
        FrontendMessage.StartupMessage s = (FrontendMessage.StartupMessage)
                decoder("00000010" + "00030000" + "7573657200" + "6100" + "00").readStartupPacket();
        assertThat(s.majorVersion()).isEqualTo(3);
        assertThat(s.parameters()).containsEntry("user", "a");
        assertThatThrownBy(() -> decoder("0000000400030000").readStartupPacket())
                .hasMessage("invalid length of startup packet");
        assertThatThrownBy(() -> decoder("0000000f" + "00030000" + "7573657200" + "6100").readStartupPacket())
                .hasMessage("invalid startup packet layout: expected terminator as last byte");
    }

    @Test
    void malformedContentsAreErrorsFramingIsFatal() {
        assertThatThrownBy(() -> decoder("5300000005" + "00").readMessage(false))
                .hasMessage("invalid message format")
                .satisfies(e -> assertThat(((PgException) e).severity()).isEqualTo(Severity.ERROR));
        assertThatThrownBy(() -> decoder("7a00000004").readMessage(false))
                .hasMessage("invalid frontend message type 122")
                .satisfies(e -> assertThat(((PgException) e).severity()).isEqualTo(Severity.FATAL));
        assertThatThrownBy(() -> decoder("4800000003").readMessage(false))
                .hasMessage("invalid message length");
        assertThatThrownBy(() -> decoder("44000000" + "07" + "53" + "6162").readMessage(false))
                .hasMessage("invalid string in message");
    }
}
