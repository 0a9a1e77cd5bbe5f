package io.tuskdb.sql.parser;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.parser.ast.QualifiedName;

import java.util.ArrayList;
import java.util.List;

/**
 * The token cursor under the recursive-descent parser, with gram.y's name productions (ColId, ColLabel,
 * type_function_name, qualified_name ...). Tokens are lexed on demand, so a syntax error before a lexical error
 * is reported first, as in PostgreSQL where the grammar pulls tokens from the scanner.
 */
abstract class ParserSupport {
    final Lexer lexer;
    private final List<Token> tokens = new ArrayList<>();
    private int[] depths = new int[64];
    private int lexDepth;
    private int index;

    ParserSupport(String sql) {
        this.lexer = new Lexer(sql);
    }

    // ---- token cursor ----

    final Token cur() {
        return peek(0);
    }

    final Token peek(int k) {
        while (tokens.size() <= index + k) {
            if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == Token.Kind.EOF) {
                return tokens.get(tokens.size() - 1);
            }
            Token t = lexer.next();
            if (depths.length == tokens.size()) {
                depths = java.util.Arrays.copyOf(depths, depths.length * 2);
            }
            if (t.isSelf(')') || t.isSelf(']')) {
                lexDepth--;
            }
            depths[tokens.size()] = lexDepth;
            if (t.isSelf('(') || t.isSelf('[')) {
                lexDepth++;
            }
            tokens.add(t);
        }
        return tokens.get(index + k);
    }

    /** Bracket nesting depth of the current token (parentheses and square brackets). */
    final int depth() {
        peek(0);
        return depths[Math.min(index, tokens.size() - 1)];
    }

    final Token advance() {
        Token t = cur();
        if (t.kind() != Token.Kind.EOF) {
            index++;
        }
        return t;
    }

    /** The token before the current one (the last consumed). */
    final Token previous() {
        return tokens.get(index - 1);
    }

    final int mark() {
        return index;
    }

    final void reset(int mark) {
        index = mark;
    }

    final boolean atEof() {
        return cur().kind() == Token.Kind.EOF;
    }

    final int pos(Token t) {
        return lexer.position(t.start());
    }

    final int curPos() {
        return pos(cur());
    }

    final PgException syntaxError() {
        return lexer.syntaxErrorAt(cur());
    }

    final PgException syntaxErrorAt(Token t) {
        return lexer.syntaxErrorAt(t);
    }

    final PgException notSupported(String feature, Token at) {
        return new PgException(SqlState.FEATURE_NOT_SUPPORTED, feature + " is not supported").withPosition(pos(at));
    }

    final boolean atKw(String kw) {
        return cur().isKeyword(kw);
    }

    final boolean atKw(int k, String kw) {
        return peek(k).isKeyword(kw);
    }

    final boolean acceptKw(String kw) {
        if (cur().isKeyword(kw)) {
            index++;
            return true;
        }
        return false;
    }

    final boolean acceptKws(String kw1, String kw2) {
        if (cur().isKeyword(kw1) && peek(1).isKeyword(kw2)) {
            index += 2;
            return true;
        }
        return false;
    }

    final Token expectKw(String kw) {
        if (!cur().isKeyword(kw)) {
            throw syntaxError();
        }
        return advance();
    }

    final boolean atSelf(char c) {
        return cur().isSelf(c);
    }

    final boolean acceptSelf(char c) {
        if (cur().isSelf(c)) {
            index++;
            return true;
        }
        return false;
    }

    final Token expectSelf(char c) {
        if (!cur().isSelf(c)) {
            throw syntaxError();
        }
        return advance();
    }

    final boolean at(Token.Kind kind) {
        return cur().kind() == kind;
    }

    // ---- gram.y's name productions ----

    static boolean isColId(Token t) {
        return t.kind() == Token.Kind.IDENT || (t.kind() == Token.Kind.KEYWORD
                && (t.keyword().category() == Keywords.Category.UNRESERVED
                || t.keyword().category() == Keywords.Category.COL_NAME));
    }

    static boolean isTypeFunctionName(Token t) {
        return t.kind() == Token.Kind.IDENT || (t.kind() == Token.Kind.KEYWORD
                && (t.keyword().category() == Keywords.Category.UNRESERVED
                || t.keyword().category() == Keywords.Category.TYPE_FUNC_NAME));
    }

    static boolean isNonReservedWord(Token t) {
        return t.kind() == Token.Kind.IDENT || (t.kind() == Token.Kind.KEYWORD
                && t.keyword().category() != Keywords.Category.RESERVED);
    }

    static boolean isColLabel(Token t) {
        return t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.KEYWORD;
    }

    static boolean isBareColLabel(Token t) {
        return t.kind() == Token.Kind.IDENT || (t.kind() == Token.Kind.KEYWORD && t.keyword().bareLabel());
    }

    static boolean isUnreservedKeyword(Token t) {
        return t.kind() == Token.Kind.KEYWORD && t.keyword().category() == Keywords.Category.UNRESERVED;
    }

    final String colId() {
        if (!isColId(cur())) {
            throw syntaxError();
        }
        return advance().text();
    }

    final String colLabel() {
        if (!isColLabel(cur())) {
            throw syntaxError();
        }
        return advance().text();
    }

    final String typeFunctionName() {
        if (!isTypeFunctionName(cur())) {
            throw syntaxError();
        }
        return advance().text();
    }

    final String nonReservedWord() {
        if (!isNonReservedWord(cur())) {
            throw syntaxError();
        }
        return advance().text();
    }

    /** NonReservedWord_or_Sconst (SET values, option names). */
    final String nonReservedWordOrSconst() {
        if (at(Token.Kind.STRING)) {
            return advance().text();
        }
        return nonReservedWord();
    }

    final String sconst() {
        if (!at(Token.Kind.STRING)) {
            throw syntaxError();
        }
        return advance().text();
    }

    final int iconst() {
        if (!at(Token.Kind.INTEGER)) {
            throw syntaxError();
        }
        return (int) advance().value();
    }

    /** {@code name_list}: ColId, ... */
    final List<String> nameList() {
        List<String> names = new ArrayList<>();
        names.add(colId());
        while (acceptSelf(',')) {
            names.add(colId());
        }
        return names;
    }

    /** {@code '(' name_list ')'}. */
    final List<String> parenNameList() {
        expectSelf('(');
        List<String> names = nameList();
        expectSelf(')');
        return names;
    }

    /** {@code any_name}: ColId attrs (attrs are ColLabels). */
    final List<String> anyName() {
        List<String> names = new ArrayList<>();
        names.add(colId());
        while (atSelf('.')) {
            advance();
            names.add(colLabel());
        }
        return names;
    }

    /** {@code qualified_name}: ColId or ColId.ColLabel[.ColLabel], at most catalog.schema.name. */
    final QualifiedName qualifiedName() {
        Token first = cur();
        List<String> names = anyName();
        if (names.size() > 3) {
            throw new PgException(SqlState.SYNTAX_ERROR,
                    "improper qualified name (too many dotted names): " + String.join(".", names))
                    .withPosition(pos(first));
        }
        return new QualifiedName(names, pos(first));
    }

    /** {@code qualified_name_list}. */
    final List<QualifiedName> qualifiedNameList() {
        List<QualifiedName> names = new ArrayList<>();
        names.add(qualifiedName());
        while (acceptSelf(',')) {
            names.add(qualifiedName());
        }
        return names;
    }

    /** The source text between two 0-based offsets (for stored expression texts). */
    final String sourceText(int start, int end) {
        return lexer.source().substring(start, end);
    }
}
