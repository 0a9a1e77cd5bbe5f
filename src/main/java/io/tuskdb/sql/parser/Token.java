package io.tuskdb.sql.parser;

/**
 * One lexical token (scan.l's token kinds).
 *
 * @param kind     what it is
 * @param text     IDENT: the case-folded (or quoted) name; KEYWORD: the lower-case keyword; STRING: the decoded value;
 *                 NUMERIC: the digits as written; OP / SELF and the two-character operator kinds: the operator
 * @param start    0-based offset of the first character in the query string
 * @param end      0-based offset one past the last character
 * @param keyword  the keyword for KEYWORD tokens, else null
 * @param value    INTEGER: the value (fits in int4); PARAM: the parameter number
 */
record Token(Kind kind, String text, int start, int end, Keywords.Keyword keyword, long value) {

    enum Kind {
        IDENT, KEYWORD, STRING, INTEGER, NUMERIC, PARAM,
        /** A generic (multi-character or non-SQL) operator: PG's Op. */
        OP,
        /** A single character token: {@code , ( ) [ ] . ; : + - * / % ^ < > =} or any other character. */
        SELF,
        TYPECAST, DOT_DOT, COLON_EQUALS, EQUALS_GREATER, LESS_EQUALS, GREATER_EQUALS, NOT_EQUALS,
        EOF
    }

    boolean isKeyword(String kw) {
        return kind == Kind.KEYWORD && text.equals(kw);
    }

    boolean isSelf(char c) {
        return kind == Kind.SELF && text.length() == 1 && text.charAt(0) == c;
    }
}
