package io.tuskdb.sql.analyzer;

import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.functions.AggregateFunction;
import io.tuskdb.sql.functions.Builtins;
import io.tuskdb.sql.functions.Operator;
import io.tuskdb.sql.functions.ScalarFunction;
import io.tuskdb.types.CastContext;
import io.tuskdb.types.Casts;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's operator, function and common-type resolution
 * (<a href="https://www.postgresql.org/docs/15/typeconv.html">Type Conversion</a>; parse_oper.c, parse_func.c
 * func_select_candidate, parse_coerce.c select_common_type). Pure: works on types only.
 */
public final class TypeResolver {
    private TypeResolver() {
    }

    /** A candidate's declared argument types (null = any). */
    private record Candidate<T>(T target, PgType[] args) {
    }

    /** Resolves a binary (left non-null) or prefix (left null) operator; 42883 / 42725 with PG's wording. */
    public static Operator resolveOperator(String symbol, PgType left, PgType right, int position) {
        List<Candidate<Operator>> candidates = new ArrayList<>();
        for (Operator op : Builtins.operators(symbol)) {
            if ((op.leftType() == null) == (left == null)) {
                candidates.add(new Candidate<>(op, left == null ? new PgType[]{op.rightType()}
                        : new PgType[]{op.leftType(), op.rightType()}));
            }
        }
        PgType[] actual = left == null ? new PgType[]{right} : new PgType[]{left, right};
        // binary operator with one unknown input: first try the other input's type for both (typeconv-oper step 2a)
        if (left != null && (left == PgType.UNKNOWN) != (right == PgType.UNKNOWN)) {
            PgType known = left == PgType.UNKNOWN ? right : left;
            for (Candidate<Operator> c : candidates) {
                if (c.args[0] == known && c.args[1] == known) {
                    return c.target;
                }
            }
        }
        List<Candidate<Operator>> chosen = select(candidates, actual);
        if (chosen.size() == 1) {
            return chosen.get(0).target;
        }
        String signature = left == null ? symbol + " " + right.sqlName()
                : left.sqlName() + " " + symbol + " " + right.sqlName();
        if (chosen.isEmpty()) {
            throw new PgException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: " + signature)
                    .withHint("No operator matches the given name and argument types. You might need to add explicit type casts.")
                    .withPosition(position);
        }
        throw new PgException(SqlState.AMBIGUOUS_FUNCTION, "operator is not unique: " + signature)
                .withHint("Could not choose a best candidate operator. You might need to add explicit type casts.")
                .withPosition(position);
    }

    /** Resolves a scalar function call: 42883 when no overload fits, 42725 when several fit equally. */
    public static ScalarFunction resolveFunction(String name, List<PgType> argTypes, int position) {
        List<ScalarFunction> overloads = Builtins.functions(name);
        List<Candidate<ScalarFunction>> candidates = new ArrayList<>();
        for (ScalarFunction f : overloads) {
            PgType[] declared = expand(f.argumentTypes(), f.variadicType(), argTypes.size());
            if (declared != null) {
                candidates.add(new Candidate<>(f, declared));
            }
        }
        return onlyCandidate(select(candidates, argTypes.toArray(PgType[]::new)), name, argTypes, position);
    }

    /** Resolves an aggregate overload, or null when {@code name} is no aggregate. */
    public static AggregateFunction resolveAggregate(String name, List<PgType> argTypes, int position) {
        List<AggregateFunction> overloads = Builtins.aggregates(name);
        if (overloads.isEmpty()) {
            return null;
        }
        List<Candidate<AggregateFunction>> candidates = new ArrayList<>();
        for (AggregateFunction f : overloads) {
            if (f.argumentTypes().size() == argTypes.size()) {
                candidates.add(new Candidate<>(f, f.argumentTypes().toArray(PgType[]::new)));
            }
        }
        return onlyCandidate(select(candidates, argTypes.toArray(PgType[]::new)), name, argTypes, position);
    }

    /** The one function left after resolution; 42725 when several remain, 42883 when none does (func_get_detail). */
    private static <T> T onlyCandidate(List<Candidate<T>> chosen, String name, List<PgType> argTypes, int position) {
        if (chosen.size() == 1) {
            return chosen.get(0).target;
        }
        if (chosen.size() > 1) {
            throw new PgException(SqlState.AMBIGUOUS_FUNCTION, "function " + signature(name, argTypes) + " is not unique")
                    .withHint("Could not choose a best candidate function. You might need to add explicit type casts.")
                    .withPosition(position);
        }
        throw undefinedFunction(name, argTypes, position);
    }

    public static PgException undefinedFunction(String name, List<PgType> argTypes, int position) {
        return new PgException(SqlState.UNDEFINED_FUNCTION, "function " + signature(name, argTypes) + " does not exist")
                .withHint("No function matches the given name and argument types. You might need to add explicit type casts.")
                .withPosition(position);
    }

    private static String signature(String name, List<PgType> argTypes) {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < argTypes.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(argTypes.get(i).sqlName());
        }
        return sb.append(')').toString();
    }

    private static PgType[] expand(List<PgType> declared, PgType variadic, int n) {
        if (variadic == null) {
            return declared.size() == n ? declared.toArray(PgType[]::new) : null;
        }
        if (n < declared.size()) {
            return null;
        }
        PgType[] out = new PgType[n];
        for (int i = 0; i < n; i++) {
            out[i] = i < declared.size() ? declared.get(i) : variadic;
        }
        return out;
    }

    /** Whether a value of {@code from} may be used where {@code to} is declared without an explicit cast. */
    public static boolean canCoerceImplicitly(PgType from, PgType to) {
        return to == null || from == to || from == PgType.UNKNOWN || Casts.canCast(from, to, CastContext.IMPLICIT);
    }

    /** func_select_candidate: the best candidates for the actual types (one on success). */
    private static <T> List<Candidate<T>> select(List<Candidate<T>> all, PgType[] actual) {
        int n = actual.length;
        // exact match (unknown inputs match nothing yet)
        for (Candidate<T> c : all) {
            boolean exact = true;
            for (int i = 0; i < n && exact; i++) {
                exact = c.args[i] == actual[i] || (c.args[i] == null && actual[i] != PgType.UNKNOWN);
            }
            if (exact) {
                return List.of(c);
            }
        }
        List<Candidate<T>> viable = new ArrayList<>();
        for (Candidate<T> c : all) {
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                ok = canCoerceImplicitly(actual[i], c.args[i]);
            }
            if (ok) {
                viable.add(c);
            }
        }
        if (viable.size() <= 1) {
            return viable;
        }
        // most exact matches
        viable = keepBest(viable, c -> {
            int s = 0;
            for (int i = 0; i < n; i++) {
                if (c.args[i] == actual[i]) {
                    s++;
                }
            }
            return s;
        });
        if (viable.size() == 1) {
            return viable;
        }
        // most preferred types where coercion is needed
        viable = keepBest(viable, c -> {
            int s = 0;
            for (int i = 0; i < n; i++) {
                if (actual[i] != PgType.UNKNOWN && c.args[i] != null && c.args[i] != actual[i] && c.args[i].preferred()
                        && c.args[i].category() == actual[i].category()) {
                    s++;
                }
            }
            return s;
        });
        if (viable.size() == 1) {
            return viable;
        }
        // unknown inputs: choose by category (string category wins, then preferred types)
        boolean anyUnknown = false;
        for (PgType t : actual) {
            anyUnknown |= t == PgType.UNKNOWN;
        }
        if (anyUnknown) {
            List<Candidate<T>> current = viable;
            for (int i = 0; i < n; i++) {
                if (actual[i] != PgType.UNKNOWN) {
                    continue;
                }
                char category = 0;
                boolean conflict = false;
                boolean stringSeen = false;
                for (Candidate<T> c : current) {
                    PgType t = c.args[i];
                    if (t == null) {
                        continue;
                    }
                    if (t.category() == 'S') {
                        stringSeen = true;
                    }
                    if (category == 0) {
                        category = t.category();
                    } else if (category != t.category()) {
                        conflict = true;
                    }
                }
                char wanted = stringSeen ? 'S' : category;
                if (conflict && !stringSeen) {
                    current = List.of();
                    break;
                }
                boolean preferredSeen = false;
                for (Candidate<T> c : current) {
                    PgType t = c.args[i];
                    if (t != null && t.category() == wanted && t.preferred()) {
                        preferredSeen = true;
                    }
                }
                List<Candidate<T>> next = new ArrayList<>();
                for (Candidate<T> c : current) {
                    PgType t = c.args[i];
                    if (t == null || (t.category() == wanted && (!preferredSeen || t.preferred()))) {
                        next.add(c);
                    }
                }
                current = next;
            }
            if (current.size() == 1) {
                return current;
            }
            // all known inputs of one type: assume the unknowns are of that type too
            PgType common = null;
            boolean same = true;
            for (PgType t : actual) {
                if (t != PgType.UNKNOWN) {
                    if (common == null) {
                        common = t;
                    } else if (common != t) {
                        same = false;
                    }
                }
            }
            if (common != null && same) {
                List<Candidate<T>> next = new ArrayList<>();
                for (Candidate<T> c : viable) {
                    boolean ok = true;
                    for (int i = 0; i < n && ok; i++) {
                        if (actual[i] == PgType.UNKNOWN) {
                            ok = canCoerceImplicitly(common, c.args[i]);
                        }
                    }
                    if (ok) {
                        next.add(c);
                    }
                }
                if (next.size() == 1) {
                    return next;
                }
            }
            if (!current.isEmpty()) {
                return current;
            }
        }
        return viable;
    }

    private static <T> List<Candidate<T>> keepBest(List<Candidate<T>> in, java.util.function.ToIntFunction<Candidate<T>> score) {
        int best = Integer.MIN_VALUE;
        List<Candidate<T>> out = new ArrayList<>();
        for (Candidate<T> c : in) {
            int s = score.applyAsInt(c);
            if (s > best) {
                best = s;
                out.clear();
            }
            if (s == best) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * select_common_type for UNION, CASE, COALESCE, VALUES, IN: all unknown gives text; otherwise the first known
     * type, moving to a type every other can implicitly convert to (preferring preferred types in the category).
     * {@code context} names the construct in the 42804 error ("UNION", "CASE", "COALESCE").
     */
    public static PgType commonType(List<PgType> types, String context, int position) {
        return commonType(types, null, context, position);
    }

    /**
     * select_common_type with each type's expression position ({@code positions}, parallel to {@code types}, or
     * null): a mismatch is reported at the expression that does not match, as PostgreSQL does.
     */
    public static PgType commonType(List<PgType> types, List<Integer> positions, String context, int position) {
        PgType result = null;
        for (int i = 0; i < types.size(); i++) {
            PgType t = types.get(i);
            if (t == PgType.UNKNOWN) {
                continue;
            }
            if (result == null) {
                result = t;
                continue;
            }
            if (t == result) {
                continue;
            }
            if (t.category() != result.category()) {
                throw new PgException(SqlState.DATATYPE_MISMATCH,
                        context + " types " + result.sqlName() + " and " + t.sqlName() + " cannot be matched")
                        .withPosition(positions == null ? position : positions.get(i));
            }
            if (!result.preferred() && Casts.canCast(result, t, CastContext.IMPLICIT)
                    && !Casts.canCast(t, result, CastContext.IMPLICIT)) {
                result = t;
            }
        }
        if (result == null) {
            return PgType.TEXT;
        }
        for (PgType t : types) {
            if (t != PgType.UNKNOWN && t != result && !Casts.canCast(t, result, CastContext.IMPLICIT)) {
                throw new PgException(SqlState.DATATYPE_MISMATCH,
                        context + " types " + result.sqlName() + " and " + t.sqlName() + " cannot be matched")
                        .withPosition(position);
            }
        }
        return result;
    }
}
