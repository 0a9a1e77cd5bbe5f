package io.tuskdb.types;

/** pg_cast.castcontext: when a cast may be applied without being written. */
public enum CastContext {
    IMPLICIT, ASSIGNMENT, EXPLICIT
}
