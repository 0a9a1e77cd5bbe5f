package io.tuskdb.types;

/**
 * An interval value as PostgreSQL stores it: months, days and microseconds kept apart
 * (so '1 month' is not '30 days').
 */
public record Interval(int months, int days, long micros) {
}
