package io.tuskdb.sql.parser.ast;

/** Relation persistence as written: plain, TEMP/TEMPORARY (LOCAL/GLOBAL accepted as in gram.y), UNLOGGED. */
public enum Persistence { PERMANENT, TEMPORARY, UNLOGGED }
