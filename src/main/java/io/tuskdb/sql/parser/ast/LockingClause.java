package io.tuskdb.sql.parser.ast;

import java.util.List;

/** {@code FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF t, ...] [NOWAIT | SKIP LOCKED]}. */
public record LockingClause(Strength strength, List<QualifiedName> of, WaitPolicy waitPolicy) {

    public LockingClause {
        of = List.copyOf(of);
    }

    public enum Strength { UPDATE, NO_KEY_UPDATE, SHARE, KEY_SHARE }

    public enum WaitPolicy { BLOCK, NOWAIT, SKIP_LOCKED }
}
