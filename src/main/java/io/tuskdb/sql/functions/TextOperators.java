package io.tuskdb.sql.functions;

import io.tuskdb.types.PgType;

import java.nio.charset.StandardCharsets;

import static io.tuskdb.types.PgType.BOOL;
import static io.tuskdb.types.PgType.BPCHAR;
import static io.tuskdb.types.PgType.BYTEA;
import static io.tuskdb.types.PgType.NAME;
import static io.tuskdb.types.PgType.TEXT;

/**
 * || (textcat, byteacat) and the LIKE family ~~ !~~ ~~* !~~* on text, bpchar (its blank-padded value, as
 * bpcharlike), name and bytea. Other types reach || through the analyzer's coercion to text.
 */
final class TextOperators {
    private TextOperators() {
    }

    static void register(Registry r) {
        r.op("||", TEXT, TEXT, TEXT, (s, a, b) -> ((String) a).concat((String) b));
        r.op("||", BYTEA, BYTEA, BYTEA, (s, a, b) -> concat((byte[]) a, (byte[]) b));
        for (PgType left : new PgType[]{TEXT, BPCHAR, NAME}) {
            r.op("~~", left, TEXT, BOOL, (s, a, b) -> LikeMatcher.like((String) a, (String) b));
            r.op("!~~", left, TEXT, BOOL, (s, a, b) -> !LikeMatcher.like((String) a, (String) b));
            r.op("~~*", left, TEXT, BOOL, (s, a, b) -> LikeMatcher.ilike((String) a, (String) b));
            r.op("!~~*", left, TEXT, BOOL, (s, a, b) -> !LikeMatcher.ilike((String) a, (String) b));
        }
        r.op("~~", BYTEA, BYTEA, BOOL, (s, a, b) -> LikeMatcher.like(latin1(a), latin1(b)));
        r.op("!~~", BYTEA, BYTEA, BOOL, (s, a, b) -> !LikeMatcher.like(latin1(a), latin1(b)));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** One char per byte, so the text matcher compares bytes. */
    private static String latin1(Object bytes) {
        return new String((byte[]) bytes, StandardCharsets.ISO_8859_1);
    }
}
