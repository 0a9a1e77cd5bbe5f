package io.tuskdb.server;

import io.tuskdb.error.Errors;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.protocol.FrontendMessage;
import io.tuskdb.types.FormatSettings;
import io.tuskdb.types.PgType;
import io.tuskdb.types.TypeIO;

import java.nio.charset.StandardCharsets;

/**
 * Bind's parameters and result formats, checked and decoded as PostgreSQL's exec_bind_message does: format codes
 * come as none (all text), one (for all) or one per parameter; values go through the type's input or receive
 * function.
 */
final class ParameterDecoder {
    private ParameterDecoder() {
    }

    static Object[] decode(FrontendMessage.Bind bind, String statementName, int[] types, FormatSettings settings) {
        byte[][] raw = bind.parameters();
        short[] formats = bind.parameterFormats();
        if (formats.length > 1 && formats.length != raw.length) {
            throw Errors.protocolViolation("bind message has " + formats.length + " parameter formats but "
                    + raw.length + " parameters");
        }
        if (raw.length != types.length) {
            throw Errors.protocolViolation("bind message supplies " + raw.length
                    + " parameters, but prepared statement \"" + statementName + "\" requires " + types.length);
        }
        Object[] values = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            short format = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
            checkFormat(format);
            if (raw[i] == null) {
                continue;
            }
            PgType type = PgType.byOid(types[i]);
            if (format == 0) {
                String text = new String(raw[i], StandardCharsets.UTF_8);
                values[i] = type == null || type == PgType.UNKNOWN ? text : TypeIO.fromText(type, text, settings);
            } else {
                if (type == null || type == PgType.UNKNOWN) {
                    throw new PgException(SqlState.INVALID_BINARY_REPRESENTATION,
                            "incorrect binary data format in bind parameter " + (i + 1));
                }
                values[i] = TypeIO.fromBinary(type, raw[i]);
            }
        }
        return values;
    }

    /** One format per column from Bind's result format codes. */
    static short[] resultFormats(short[] requested, int columns) {
        short[] out = new short[columns];
        if (requested.length == 0) {
            return out;
        }
        if (requested.length == 1) {
            checkFormat(requested[0]);
            java.util.Arrays.fill(out, requested[0]);
            return out;
        }
        if (requested.length != columns) {
            throw Errors.protocolViolation("bind message has " + requested.length + " result formats but query has "
                    + columns + " columns");
        }
        for (int i = 0; i < columns; i++) {
            checkFormat(requested[i]);
            out[i] = requested[i];
        }
        return out;
    }

    private static void checkFormat(short format) {
        if (format != 0 && format != 1) {
            throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "unsupported format code: " + format);
        }
    }
}
