package io.tuskdb.types;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesException;
import java.time.zone.ZoneRulesProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Time zone names as the TimeZone setting and AT TIME ZONE read them: tz database names (case-insensitive, plus
 * the fixed zones EST, MST and HST that PostgreSQL's tzdata keeps and Java's does not), the abbreviations of
 * PostgreSQL's "Default" set (fixed offsets), and POSIX TZ strings ({@code [name]offset}), where "+05:30", "04:30"
 * and "UTC+5" mean WEST of Greenwich (pg_tzset, tzparse in src/timezone/localtime.c).
 *
 * <p>The zone abbreviation PostgreSQL prints in the Postgres, SQL and German DateStyles is the POSIX name; Java
 * zones cannot carry an arbitrary one, so the ones PostgreSQL can produce are encoded in the zone id:
 * {@code UTC±hh:mm} / {@code GMT±hh:mm} print "UTC" / "GMT", {@code UT±hh:mm} prints nothing (a POSIX string
 * without a name), a plain {@link ZoneOffset} prints the numeric offset ("+05", "-07:30").
 */
public final class TimeZones {
    private TimeZones() {
    }

    /** PostgreSQL's tzdata zones EST, MST and HST: fixed offsets whose abbreviation is the zone name. */
    private static final Map<String, ZoneOffset> FIXED_NAMED = Map.of(
            "EST", ZoneOffset.ofHours(-5), "MST", ZoneOffset.ofHours(-7), "HST", ZoneOffset.ofHours(-10));

    /**
     * The dynamic abbreviations of the "Default" set TuskDB knows (tznames/Default lines naming a zone): their
     * offset is the one the abbreviation had in that zone at the time in question (pg_interpret_timezone_abbrev),
     * so MSK is +04 from 2011-03-27 until 2014-10-26.
     */
    private static final Map<String, ZoneId> DYNAMIC = Map.of("MSK", ZoneId.of("Europe/Moscow"));

    static {
        try {
            ZoneRulesProvider.registerProvider(new FixedNamedZones());
        } catch (ZoneRulesException alreadyRegistered) {
            // another class loader of this class registered them first; ZoneId.of("EST") works either way
        }
    }

    /** The abbreviation of a zone {@link #parse} built from a name, or null when the zone's rules decide. */
    static String fixedAbbreviation(ZoneId zone) {
        String id = zone.getId();
        if (FIXED_NAMED.containsKey(id) || DYNAMIC.containsKey(id)) {
            return id;
        }
        if (id.length() > 3 && (id.startsWith("UTC+") || id.startsWith("UTC-"))) {
            return "UTC";
        }
        if (id.length() > 3 && (id.startsWith("GMT+") || id.startsWith("GMT-"))) {
            return "GMT";
        }
        if (id.length() > 2 && (id.startsWith("UT+") || id.startsWith("UT-"))) {
            return "";
        }
        return null;
    }

    /**
     * The value of the TimeZone setting (check_timezone): a plain number is hours EAST of Greenwich (the SQL sign
     * convention, "-7.5" is UTC-07:30); otherwise a tz database name or a POSIX string (no abbreviations).
     */
    public static ZoneId parseSetting(String value) {
        String s = value.strip();
        ZoneOffset hours = numericHours(s);
        if (hours != null) {
            return hours;
        }
        ZoneId zone = DYNAMIC.containsKey(s.toUpperCase(Locale.ROOT)) ? null : zoneOrPosix(s);
        if (zone == null) {
            throw notRecognized(value);
        }
        return zone;
    }

    /**
     * The zone for an AT TIME ZONE / timezone() name (timestamptz_zone): an abbreviation of the "Default" set first
     * (so 'CET' is always +01), then a tz database name or a POSIX string; 22023 {@code time zone "x" not
     * recognized} when there is none.
     */
    public static ZoneId parse(String name) {
        String s = name.strip();
        ZoneId dynamic = dynamicAbbreviation(s);
        if (dynamic != null) {
            return dynamic;
        }
        Integer abbreviation = DateTimeParser.abbreviationOffset(s.toLowerCase(Locale.ROOT));
        if (abbreviation != null) {
            return ZoneOffset.ofTotalSeconds(abbreviation);
        }
        ZoneId zone = zoneOrPosix(s);
        if (zone == null) {
            throw notRecognized(name);
        }
        return zone;
    }

    private static PgException notRecognized(String name) {
        return new PgException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
    }

    private static ZoneId zoneOrPosix(String s) {
        String upper = s.toUpperCase(Locale.ROOT);
        if (FIXED_NAMED.containsKey(upper)) {
            return ZoneId.of(upper);
        }
        ZoneId named = DateTimeParser.zoneByName(s.toLowerCase(Locale.ROOT));
        return named != null ? named : posix(s);
    }

    private static ZoneOffset numericHours(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '+' || c == '-')) {
            return null;
        }
        try {
            double hours = Double.parseDouble(s);
            long seconds = (long) (hours * 3600);
            return Math.abs(seconds) > 18 * 3600 ? null : ZoneOffset.ofTotalSeconds((int) seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A POSIX TZ string without daylight-saving rules: an optional name ("UTC", "&lt;+05&gt;") and an offset. */
    private static ZoneId posix(String s) {
        String abbreviation;
        int i = 0;
        if (s.startsWith("<")) {
            int close = s.indexOf('>');
            if (close < 0) {
                return null;
            }
            abbreviation = s.substring(1, close);
            i = close + 1;
        } else {
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i > 0 && i < 3) {
                return null;
            }
            abbreviation = s.substring(0, i);
        }
        Integer west = posixOffset(s.substring(i));
        if (west == null) {
            return null;
        }
        ZoneOffset offset = ZoneOffset.ofTotalSeconds(-west);
        return switch (abbreviation.toUpperCase(Locale.ROOT)) {
            case "" -> ZoneId.ofOffset("UT", offset);
            case "UTC" -> ZoneId.ofOffset("UTC", offset);
            case "GMT" -> ZoneId.ofOffset("GMT", offset);
            // other names (and "<+05>"): the numeric abbreviation, right whenever the name is the offset itself
            default -> offset;
        };
    }

    /** POSIX offset [+-]hh[:mm[:ss]], seconds WEST of Greenwich; null when malformed or beyond +-18 hours. */
    private static Integer posixOffset(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int sign = 1;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            sign = s.charAt(0) == '-' ? -1 : 1;
            i = 1;
        }
        String[] parts = s.substring(i).split(":", -1);
        if (parts.length > 3) {
            return null;
        }
        int seconds = 0;
        int[] multipliers = {3600, 60, 1};
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (part.isEmpty() || part.length() > 2 || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            seconds += Integer.parseInt(part) * multipliers[p];
        }
        return seconds > 18 * 3600 ? null : sign * seconds;
    }

    /** The zone standing for a dynamic abbreviation ("MSK"), or null. */
    static ZoneId dynamicAbbreviation(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return DYNAMIC.containsKey(upper) ? ZoneId.of(upper) : null;
    }

    /**
     * A local time written with a dynamic abbreviation (DetermineTimeZoneAbbrevOffset): the underlying zone reads
     * the local time first, and the abbreviation's offset at that instant applies.
     */
    static Instant localWithAbbreviation(LocalDateTime local, ZoneId abbreviationZone) {
        ZoneRules base = DYNAMIC.get(abbreviationZone.getId()).getRules();
        List<ZoneOffset> valid = base.getValidOffsets(local);
        // a gap reads with the offset before it, an ambiguous time with the one after (standard time)
        ZoneOffset guess = valid.size() == 1 ? valid.get(0) : valid.isEmpty()
                ? base.getTransition(local).getOffsetBefore() : base.getTransition(local).getOffsetAfter();
        Instant t = local.toInstant(guess);
        return local.toInstant(abbreviationZone.getRules().getOffset(t));
    }

    /**
     * Rules whose offset in each period of {@code zone} is the offset of the latest period at or before it that
     * used the (standard-time) abbreviation, or of the first one after, before its first use.
     */
    private static ZoneRules abbreviationRules(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> transitions = rules.getTransitions();
        int periods = transitions.size() + 1;
        ZoneOffset[] own = new ZoneOffset[periods];
        boolean[] named = new boolean[periods];
        for (int i = 0; i < periods; i++) {
            Instant inside = i == 0 ? transitions.isEmpty() ? Instant.EPOCH
                    : transitions.get(0).getInstant().minusSeconds(1) : transitions.get(i - 1).getInstant();
            own[i] = rules.getOffset(inside);
            // Java's zone names follow CLDR, not the tz database's history (JDK 25 calls Moscow's summer of 2010
            // "MSK"), so a period counts as the (standard-time) abbreviation's when it is standard time on a whole
            // hour offset: this leaves out local mean time and the daylight-saving periods
            named[i] = !rules.isDaylightSavings(inside) && own[i].getTotalSeconds() % 3600 == 0;
        }
        ZoneOffset[] resolved = new ZoneOffset[periods];
        ZoneOffset last = null;
        for (int i = 0; i < periods; i++) {
            last = named[i] ? own[i] : last;
            resolved[i] = last;
        }
        ZoneOffset first = null;
        for (int i = periods - 1; i >= 0; i--) {
            first = named[i] ? own[i] : first;
            if (resolved[i] == null) {
                resolved[i] = first != null ? first : own[i];
            }
        }
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        for (int i = 1; i < periods; i++) {
            if (!resolved[i].equals(resolved[i - 1])) {
                long at = transitions.get(i - 1).getInstant().getEpochSecond();
                changes.add(ZoneOffsetTransition.of(LocalDateTime.ofEpochSecond(at, 0, resolved[i - 1]),
                        resolved[i - 1], resolved[i]));
            }
        }
        return ZoneRules.of(resolved[0], resolved[0], List.of(), changes, List.of());
    }

    /**
     * Makes {@code ZoneId.of("EST")} (and MST, HST) resolve to PostgreSQL's fixed zones, and the dynamic
     * abbreviations to their {@link #abbreviationRules}.
     */
    private static final class FixedNamedZones extends ZoneRulesProvider {
        @Override
        protected Set<String> provideZoneIds() {
            Set<String> ids = new HashSet<>(FIXED_NAMED.keySet());
            ids.addAll(DYNAMIC.keySet());
            return ids;
        }

        @Override
        protected ZoneRules provideRules(String zoneId, boolean forCaching) {
            ZoneOffset fixed = FIXED_NAMED.get(zoneId);
            return fixed != null ? ZoneRules.of(fixed) : abbreviationRules(DYNAMIC.get(zoneId));
        }

        @Override
        protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
            return new TreeMap<>(Map.of("tusk", provideRules(zoneId, false)));
        }
    }
}
