package io.tuskdb.types;

import io.tuskdb.error.PgException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Test helper: asserts a {@link PgException} with PostgreSQL's SQLSTATE and message. */
public final class PgErrors {
    private PgErrors() {
    }

    public static void assertError(Runnable action, String sqlState, String message) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(PgException.class, e -> {
            assertThat(e.sqlState().code()).isEqualTo(sqlState);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
