package io.tuskdb.types;

/**
 * The spellings PostgreSQL accepts for the time units shared by interval input, EXTRACT and date_trunc
 * (datetime.c's deltatktbl and datetktbl): each maps to one canonical name.
 */
public final class DateUnits {
    private DateUnits() {
    }

    /**
     * The canonical unit ("microsecond", "millisecond", "second", "minute", "hour", "day", "week", "month",
     * "quarter", "year", "decade", "century", "millennium") for a lower-case word, or null.
     */
    public static String canonical(String word) {
        return switch (word) {
            case "us", "usec", "usecs", "useconds", "microsecond", "microseconds", "microsecon" -> "microsecond";
            case "ms", "msec", "msecs", "mseconds", "millisecond", "milliseconds", "millisecon" -> "millisecond";
            case "s", "sec", "secs", "second", "seconds" -> "second";
            case "m", "min", "mins", "minute", "minutes" -> "minute";
            case "h", "hour", "hours", "hr", "hrs" -> "hour";
            case "d", "day", "days" -> "day";
            case "w", "week", "weeks" -> "week";
            case "mon", "mons", "month", "months" -> "month";
            case "qtr", "quarter" -> "quarter";
            case "y", "year", "years", "yr", "yrs" -> "year";
            case "dec", "decs", "decade", "decades" -> "decade";
            case "c", "cent", "century", "centuries" -> "century";
            case "mil", "mils", "millennium", "millennia", "millenniums" -> "millennium";
            default -> null;
        };
    }
}
