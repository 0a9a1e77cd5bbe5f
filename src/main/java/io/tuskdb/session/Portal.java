package io.tuskdb.session;

import io.tuskdb.sql.Execution;

/**
 * A portal: a prepared statement bound to parameter values and result formats. Its {@link Execution} starts at the
 * first Execute and is resumed by later ones when a row limit suspended it. Portals end with their transaction.
 */
public final class Portal {
    private final String name;
    private final PreparedStatement statement;
    private final Object[] parameters;
    private final short[] resultFormats;
    private Execution execution;
    private String completedTag;

    public Portal(String name, PreparedStatement statement, Object[] parameters, short[] resultFormats) {
        this.name = name;
        this.statement = statement;
        this.parameters = parameters;
        this.resultFormats = resultFormats;
    }

    public String name() {
        return name;
    }

    public PreparedStatement statement() {
        return statement;
    }

    public Object[] parameters() {
        return parameters;
    }

    /** One format per result column (0 text, 1 binary), already expanded from Bind's short forms. */
    public short[] resultFormats() {
        return resultFormats;
    }

    /** The running execution, or null before the first Execute. */
    public Execution execution() {
        return execution;
    }

    public void started(Execution execution) {
        this.execution = execution;
    }

    /** The tag of a run that finished; a finished portal executed again reports no more rows. */
    public String completedTag() {
        return completedTag;
    }

    public void completed(String tag) {
        this.completedTag = tag;
        close();
    }

    public void close() {
        Execution e = execution;
        execution = null;
        if (e != null) {
            e.close();
        }
    }
}
