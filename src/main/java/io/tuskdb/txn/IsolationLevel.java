package io.tuskdb.txn;

/** PostgreSQL's isolation levels; READ UNCOMMITTED behaves as READ COMMITTED. */
public enum IsolationLevel {
    READ_UNCOMMITTED("read uncommitted"),
    READ_COMMITTED("read committed"),
    REPEATABLE_READ("repeatable read"),
    SERIALIZABLE("serializable");

    private final String settingValue;

    IsolationLevel(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value SHOW transaction_isolation prints. */
    public String settingValue() {
        return settingValue;
    }
}
