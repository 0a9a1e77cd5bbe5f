package io.tuskdb.sql;

/**
 * One run of a prepared plan (the state behind a portal). Pull rows with {@link #next()} until it returns null,
 * then read {@link #commandTag()}. A portal with a row limit simply stops pulling and resumes later.
 * COPY statements expose {@link #copyIn()} or {@link #copyOut()} instead of rows.
 */
public interface Execution extends AutoCloseable {
    /** The next result row (values per {@link io.tuskdb.types.PgType}'s representation), or null when done. */
    Object[] next();

    /** The CommandComplete tag ("SELECT 5", "INSERT 0 3", "BEGIN"); valid once next() returned null. */
    String commandTag();

    /** Non-null for COPY ... FROM STDIN. */
    default CopyIn copyIn() {
        return null;
    }

    /** Non-null for COPY ... TO STDOUT. */
    default CopyOut copyOut() {
        return null;
    }

    @Override
    void close();

    /** The receiving side of COPY FROM STDIN: the protocol feeds CopyData payloads, then finish or fail. */
    interface CopyIn {
        boolean binary();

        int columnCount();

        void data(byte[] buffer, int offset, int length);

        /** CopyDone: loads what remains and returns the tag ("COPY 3"). */
        String finish();

        /** CopyFail from the client: raises 57014 "COPY from stdin failed: <message>". */
        void fail(String message);
    }

    /** The sending side of COPY TO STDOUT: each chunk becomes one CopyData message. */
    interface CopyOut {
        boolean binary();

        int columnCount();

        /** The next chunk (one row in text and CSV formats), or null when done. */
        byte[] nextChunk();

        /** "COPY n", valid once nextChunk() returned null. */
        String commandTag();
    }
}
