package io.tuskdb.session.settings;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.util.Locale;
import java.util.Set;

/**
 * client_encoding: TuskDB speaks UTF8 only (and SQL_ASCII, which PostgreSQL passes through unconverted). Other
 * encodings PostgreSQL knows are refused with 0A000; unknown names with 22023.
 */
public final class ClientEncodingSetting extends Setting {
    private static final Set<String> KNOWN = Set.of("BIG5", "EUC_CN", "EUC_JP", "EUC_JIS_2004", "EUC_KR", "EUC_TW",
            "GB18030", "GBK", "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "JOHAB", "KOI8R", "KOI8U",
            "LATIN1", "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9", "LATIN10",
            "MULE_INTERNAL", "SJIS", "SHIFT_JIS_2004", "UHC", "WIN866", "WIN874", "WIN1250", "WIN1251", "WIN1252",
            "WIN1253", "WIN1254", "WIN1255", "WIN1256", "WIN1257", "WIN1258");

    public ClientEncodingSetting() {
        super("client_encoding", GucContext.USER, true, "UTF8", "Sets the client's character set encoding.");
    }

    @Override
    public String normalize(String input, String current) {
        // PG compares encoding names ignoring case and non-alphanumerics (pg_char_to_encoding / clean_encoding_name).
        String key = input.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        switch (key) {
            case "UTF8", "UNICODE" -> {
                return "UTF8";
            }
            case "SQLASCII" -> {
                return "SQL_ASCII";
            }
            default -> {
                for (String known : KNOWN) {
                    if (known.replace("_", "").equals(key)) {
                        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
                                "conversion between " + known + " and UTF8 is not supported");
                    }
                }
                throw invalidValue(input);
            }
        }
    }
}
