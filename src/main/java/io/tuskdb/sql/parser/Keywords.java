package io.tuskdb.sql.parser;

import java.util.HashMap;
import java.util.Map;

/**
 * PostgreSQL 15's keywords with their categories and label kinds, as listed in
 * <a href="https://github.com/postgres/postgres/blob/REL_15_STABLE/src/include/parser/kwlist.h">kwlist.h</a>
 * (see also the documentation's <a href="https://www.postgresql.org/docs/15/sql-keywords-appendix.html">Appendix C</a>).
 * The category decides where a keyword may be used as a name: unreserved keywords anywhere, col_name keywords as
 * column / table names but not function or type names, type_func_name keywords as function or type names,
 * reserved keywords only as column labels after AS.
 */
final class Keywords {
    private Keywords() {
    }

    enum Category { UNRESERVED, COL_NAME, TYPE_FUNC_NAME, RESERVED }

    /** A keyword; {@code bareLabel} is whether it may be a column alias without AS (PG 14+ BARE_LABEL). */
    record Keyword(String name, Category category, boolean bareLabel) {
    }

    private static final String UNRESERVED = ""
            + "abort absolute access action add admin after aggregate also alter always asensitive assertion "
            + "assignment at atomic attach attribute backward before begin breadth by cache call called cascade "
            + "cascaded catalog chain characteristics checkpoint class close cluster columns comment comments "
            + "commit committed compression configuration conflict connection constraints content continue "
            + "conversion copy cost csv cube current cursor cycle data database day deallocate declare defaults "
            + "deferred definer delete delimiter delimiters depends depth detach dictionary disable discard "
            + "document domain double drop each enable encoding encrypted enum escape event exclude excluding "
            + "exclusive execute explain expression extension external family filter finalize first following force "
            + "forward function functions generated global granted groups handler header hold hour identity if "
            + "immediate immutable implicit import include including increment index indexes inherit inherits "
            + "inline input insensitive insert instead invoker isolation key label language large last leakproof "
            + "level listen load local location lock locked logged mapping match matched materialized maxvalue "
            + "merge method minute minvalue mode month move name names new next nfc nfd nfkc nfkd no normalized "
            + "nothing notify nowait nulls object of off oids old operator option options ordinality others over "
            + "overriding owned owner parallel parameter parser partial partition passing password plans policy "
            + "preceding prepare prepared preserve prior privileges procedural procedure procedures program "
            + "publication quote range read reassign recheck recursive ref referencing refresh reindex relative "
            + "release rename repeatable replace replica reset restart restrict return returns revoke role rollback "
            + "rollup routine routines rows rule savepoint schema schemas scroll search second security sequence "
            + "sequences serializable server session set sets share show simple skip snapshot sql stable standalone "
            + "start statement statistics stdin stdout storage stored strict strip subscription support sysid "
            + "system tables tablespace temp template temporary text ties transaction transform trigger truncate "
            + "trusted type types uescape unbounded uncommitted unencrypted unknown unlisten unlogged until update "
            + "vacuum valid validate validator value varying version view views volatile whitespace within without "
            + "work wrapper write xml year yes zone ";

    private static final String COL_NAME = ""
            + "between bigint bit boolean char character coalesce dec decimal exists extract float greatest "
            + "grouping inout int integer interval least national nchar none normalize nullif numeric out overlay "
            + "position precision real row setof smallint substring time timestamp treat trim values varchar "
            + "xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot "
            + "xmlserialize xmltable ";

    private static final String TYPE_FUNC_NAME = ""
            + "authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull "
            + "join left like natural notnull outer overlaps right similar tablesample verbose ";

    private static final String RESERVED = ""
            + "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint "
            + "create current_catalog current_date current_role current_time current_timestamp current_user default "
            + "deferrable desc distinct do else end except false fetch for foreign from grant group having in "
            + "initially intersect into lateral leading limit localtime localtimestamp not null offset on only or "
            + "order placing primary references returning select session_user some symmetric table then to trailing "
            + "true union unique user using variadic when where window with ";

    /** The keywords that may only be a column label after AS. */
    private static final String AS_LABEL_ONLY = ""
            + "array as char character create day except fetch filter for from grant group having hour intersect "
            + "into isnull limit minute month notnull offset on order over overlaps precision returning second to "
            + "union varying where window with within without year ";

    private static final Map<String, Keyword> KEYWORDS = new HashMap<>(1024);

    static {
        Map<String, Boolean> asOnly = new HashMap<>();
        for (String w : AS_LABEL_ONLY.trim().split(" ")) {
            asOnly.put(w, Boolean.TRUE);
        }
        add(UNRESERVED, Category.UNRESERVED, asOnly);
        add(COL_NAME, Category.COL_NAME, asOnly);
        add(TYPE_FUNC_NAME, Category.TYPE_FUNC_NAME, asOnly);
        add(RESERVED, Category.RESERVED, asOnly);
    }

    private static void add(String words, Category category, Map<String, Boolean> asOnly) {
        for (String w : words.trim().split(" ")) {
            String name = w.intern();
            KEYWORDS.put(name, new Keyword(name, category, !asOnly.containsKey(name)));
        }
    }

    /** The keyword spelled {@code lowerCaseWord}, or null. */
    static Keyword lookup(String lowerCaseWord) {
        return KEYWORDS.get(lowerCaseWord);
    }
}
