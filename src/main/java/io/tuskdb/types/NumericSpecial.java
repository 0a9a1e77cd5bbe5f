package io.tuskdb.types;

/** The numeric values a {@link java.math.BigDecimal} cannot hold. */
public enum NumericSpecial {
    NAN, POSITIVE_INFINITY, NEGATIVE_INFINITY
}
