package io.tuskdb.storage;

import io.tuskdb.error.Errors;
import io.tuskdb.types.Interval;
import io.tuskdb.types.NumericSpecial;
import io.tuskdb.types.PgType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The row encoding stored as the value of a primary-index entry:
 * {@code varint writerXid, varint columnCount, null bitmap (1 bit per column), non-null values}. Values are
 * compact and lossless (numeric keeps its display scale, timestamps keep nanoseconds); unlike
 * {@link KeyEncoding} it need not sort. A row stored with fewer columns than the table now has (a later
 * ADD COLUMN) decodes with NULLs for the missing ones.
 */
public final class RowEncoding {
    private RowEncoding() {
    }

    public static byte[] encode(long writerXid, PgType[] types, Object[] row) {
        ByteWriter out = new ByteWriter(16 + row.length * 8);
        encode(out, writerXid, types, row);
        return out.toByteArray();
    }

    public static void encode(ByteWriter out, long writerXid, PgType[] types, Object[] row) {
        int n = row.length;
        out.writeVarLong(writerXid);
        out.writeVarLong(n);
        for (int i = 0; i < n; i += 8) {
            int bits = 0;
            for (int j = i; j < Math.min(n, i + 8); j++) {
                if (row[j] == null) {
                    bits |= 1 << (j - i);
                }
            }
            out.write(bits);
        }
        for (int i = 0; i < n; i++) {
            if (row[i] != null) {
                encodeValue(out, types[i], row[i]);
            }
        }
    }

    /** The id of the transaction that wrote this row version. */
    public static long writerXid(byte[] value) {
        return new ByteReader(value).readVarLong();
    }

    public static Object[] decode(byte[] value, PgType[] types) {
        ByteReader in = new ByteReader(value);
        in.readVarLong();
        int stored = (int) in.readVarLong();
        byte[] nulls = in.readBytes((stored + 7) / 8);
        if (stored > types.length) {
            throw new IllegalStateException("row has " + stored + " columns, the table " + types.length);
        }
        Object[] row = new Object[types.length];
        for (int i = 0; i < stored; i++) {
            if ((nulls[i >> 3] & (1 << (i & 7))) == 0) {
                row[i] = decodeValue(in, types[i]);
            }
        }
        return row;
    }

    private static void encodeValue(ByteWriter out, PgType type, Object value) {
        switch (type) {
            case BOOL -> out.write(((Boolean) value) ? 1 : 0);
            case INT2 -> out.writeShort(((Number) value).shortValue());
            case INT4, OID -> out.writeInt(((Number) value).intValue());
            case INT8 -> out.writeLong(((Number) value).longValue());
            case FLOAT4 -> out.writeInt(Float.floatToRawIntBits(((Number) value).floatValue()));
            case FLOAT8 -> out.writeLong(Double.doubleToRawLongBits(((Number) value).doubleValue()));
            case NUMERIC -> {
                if (value instanceof NumericSpecial special) {
                    out.write(switch (special) {
                        case NAN -> 1;
                        case POSITIVE_INFINITY -> 2;
                        case NEGATIVE_INFINITY -> 3;
                    });
                } else {
                    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
                    out.write(0);
                    out.writeSignedVarLong(d.scale());
                    byte[] unscaled = d.unscaledValue().toByteArray();
                    out.writeVarLong(unscaled.length);
                    out.write(unscaled);
                }
            }
            case TEXT, VARCHAR, BPCHAR, NAME, CHAR, UNKNOWN -> writeBytes(out,
                    ((String) value).getBytes(StandardCharsets.UTF_8));
            case BYTEA -> writeBytes(out, (byte[]) value);
            case DATE -> out.writeSignedVarLong(((LocalDate) value).toEpochDay());
            case TIME -> out.writeVarLong(((LocalTime) value).toNanoOfDay());
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                out.writeSignedVarLong(t.toEpochSecond(ZoneOffset.UTC));
                out.writeVarLong(t.getNano());
            }
            case TIMESTAMPTZ -> {
                Instant t = (Instant) value;
                out.writeSignedVarLong(t.getEpochSecond());
                out.writeVarLong(t.getNano());
            }
            case INTERVAL -> {
                Interval iv = (Interval) value;
                out.writeSignedVarLong(iv.months());
                out.writeSignedVarLong(iv.days());
                out.writeSignedVarLong(iv.micros());
            }
            case UUID -> {
                UUID u = (UUID) value;
                out.writeLong(u.getMostSignificantBits());
                out.writeLong(u.getLeastSignificantBits());
            }
            case VOID -> throw Errors.featureNotSupported("storing values of type void");
        }
    }

    private static Object decodeValue(ByteReader in, PgType type) {
        return switch (type) {
            case BOOL -> in.read() != 0;
            case INT2 -> (short) in.readShort();
            case INT4, OID -> in.readInt();
            case INT8 -> in.readLong();
            case FLOAT4 -> Float.intBitsToFloat(in.readInt());
            case FLOAT8 -> Double.longBitsToDouble(in.readLong());
            case NUMERIC -> switch (in.read()) {
                case 0 -> {
                    int scale = (int) in.readSignedVarLong();
                    byte[] unscaled = in.readBytes((int) in.readVarLong());
                    yield new BigDecimal(new BigInteger(unscaled), scale);
                }
                case 1 -> NumericSpecial.NAN;
                case 2 -> NumericSpecial.POSITIVE_INFINITY;
                case 3 -> NumericSpecial.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("bad numeric tag");
            };
            case TEXT, VARCHAR, BPCHAR, NAME, CHAR, UNKNOWN ->
                    new String(in.readBytes((int) in.readVarLong()), StandardCharsets.UTF_8);
            case BYTEA -> in.readBytes((int) in.readVarLong());
            case DATE -> LocalDate.ofEpochDay(in.readSignedVarLong());
            case TIME -> LocalTime.ofNanoOfDay(in.readVarLong());
            case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.readSignedVarLong(), (int) in.readVarLong(),
                    ZoneOffset.UTC);
            case TIMESTAMPTZ -> Instant.ofEpochSecond(in.readSignedVarLong(), in.readVarLong());
            case INTERVAL -> new Interval((int) in.readSignedVarLong(), (int) in.readSignedVarLong(),
                    in.readSignedVarLong());
            case UUID -> new UUID(in.readLong(), in.readLong());
            case VOID -> throw Errors.featureNotSupported("storing values of type void");
        };
    }

    private static void writeBytes(ByteWriter out, byte[] bytes) {
        out.writeVarLong(bytes.length);
        out.write(bytes);
    }
}
