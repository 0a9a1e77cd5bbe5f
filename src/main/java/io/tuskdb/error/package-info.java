/**
 * The one user-visible error type, {@link io.tuskdb.error.PgException}, carrying a {@link io.tuskdb.error.SqlState}
 * kept in step with PostgreSQL's errcodes.txt, and {@link io.tuskdb.error.Errors}, factories for common errors with
 * PostgreSQL's exact wording. Depends on nothing else in TuskDB.
 */
package io.tuskdb.error;
