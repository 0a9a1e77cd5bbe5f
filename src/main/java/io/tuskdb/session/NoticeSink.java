package io.tuskdb.session;

import io.tuskdb.error.PgException;

/** Where a session's notices go (the protocol turns them into NoticeResponse). */
@FunctionalInterface
public interface NoticeSink {
    void notice(PgException notice);
}
