package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;

/**
 * Storage parameters ({@code WITH (fillfactor = 70)}) of CREATE TABLE, CREATE INDEX and index-backed constraints.
 * They tune PostgreSQL's heap and index pages and mean nothing to TuskDB's storage, so known names are accepted and
 * ignored; unknown names fail as in PostgreSQL (reloptions.c).
 */
final class StorageParameters {
    private StorageParameters() {
    }

    /**
     * reloptions: '(' name [= value], ... ')'. Storage parameters tune PostgreSQL's heap and indexes and have no
     * effect on TuskDB's storage; known names are accepted and ignored, unknown ones fail as PostgreSQL does.
     */
    static void skip(DdlParser ps, boolean index) {
        ps.expectSelf('(');
        do {
            String name = ps.colLabel();
            if (ps.acceptSelf('.')) {
                name = name + "." + ps.colLabel();
            }
            if (ps.acceptSelf('=')) {
                Token v = ps.cur();
                if (v.isSelf('-') || v.isSelf('+')) {
                    ps.numericOnly();
                } else if (v.kind() == Token.Kind.STRING || v.kind() == Token.Kind.INTEGER
                        || v.kind() == Token.Kind.NUMERIC || ParserSupport.isColLabel(v)) {
                    ps.advance();
                } else {
                    throw ps.syntaxError();
                }
            }
            if (!knownStorageParameter(name, index)) {
                throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "unrecognized parameter \"" + name + "\"");
            }
        } while (ps.acceptSelf(','));
        ps.expectSelf(')');
    }

    private static boolean knownStorageParameter(String name, boolean index) {
        if (index) {
            return switch (name) {
                case "fillfactor", "deduplicate_items", "fastupdate", "gin_pending_list_limit", "buffering",
                     "pages_per_range", "autosummarize" -> true;
                default -> false;
            };
        }
        String n = name.startsWith("toast.") ? name.substring(6) : name;
        return switch (n) {
            case "fillfactor", "toast_tuple_target", "parallel_workers", "autovacuum_enabled",
                 "autovacuum_vacuum_threshold", "autovacuum_vacuum_insert_threshold", "autovacuum_analyze_threshold",
                 "autovacuum_vacuum_cost_delay", "autovacuum_vacuum_cost_limit", "autovacuum_freeze_min_age",
                 "autovacuum_freeze_max_age", "autovacuum_freeze_table_age", "autovacuum_multixact_freeze_min_age",
                 "autovacuum_multixact_freeze_max_age", "autovacuum_multixact_freeze_table_age",
                 "autovacuum_vacuum_scale_factor", "autovacuum_vacuum_insert_scale_factor",
                 "autovacuum_analyze_scale_factor", "log_autovacuum_min_duration", "user_catalog_table",
                 "vacuum_index_cleanup", "vacuum_truncate" -> true;
            default -> false;
        };
    }
}
