package io.tuskdb.types;

/**
 * Text and binary input/output of every {@link PgType}, exactly as PostgreSQL's typinput/typoutput and
 * typreceive/typsend functions. Errors are {@link io.tuskdb.error.PgException}s with PostgreSQL's SQLSTATE and
 * wording (22P02 invalid input syntax, 22003 out of range, 22007/22008 datetime, 22P03 binary).
 */
public final class TypeIO {
    private TypeIO() {
    }

    /** typoutput: the text form of a non-null value. */
    public static String toText(PgType type, Object value, FormatSettings settings) {
        throw new UnsupportedOperationException("TypeIO.toText");
    }

    /** typinput: parses the text form (no typmod applied; see {@link Casts#applyTypmod}). */
    public static Object fromText(PgType type, String text, FormatSettings settings) {
        throw new UnsupportedOperationException("TypeIO.fromText");
    }

    /** typsend: the binary wire form of a non-null value. */
    public static byte[] toBinary(PgType type, Object value) {
        throw new UnsupportedOperationException("TypeIO.toBinary");
    }

    /** typreceive: parses the binary wire form. */
    public static Object fromBinary(PgType type, byte[] bytes) {
        throw new UnsupportedOperationException("TypeIO.fromBinary");
    }
}
