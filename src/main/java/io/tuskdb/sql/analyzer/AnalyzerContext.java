package io.tuskdb.sql.analyzer;

import io.tuskdb.catalog.TableDescriptor;
import io.tuskdb.error.PgException;
import io.tuskdb.error.SqlState;
import io.tuskdb.sql.ExecutionContext;
import io.tuskdb.sql.parser.ast.QualifiedName;
import io.tuskdb.types.PgType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What analysis of one statement reads and accumulates: catalog lookups and the parameter types. */
public final class AnalyzerContext {
    final ExecutionContext context;
    /** Parameter types by index; UNKNOWN until given or inferred. */
    final List<PgType> parameterTypes = new ArrayList<>();
    /** Every table the statement was analysed against, to notice a DROP / CREATE before a later run. */
    private final List<TableDescriptor> usedTables = new ArrayList<>();
    /** The first parameter reference analysed ($n, 0 when none) and its position, for 42P02 without parameters. */
    int firstParameter;
    int firstParameterPosition;

    public AnalyzerContext(ExecutionContext context, int[] givenParameterTypes) {
        this.context = context;
        for (int oid : givenParameterTypes) {
            PgType t = oid == 0 ? PgType.UNKNOWN : PgType.byOid(oid);
            if (t == null) {
                throw new PgException(SqlState.UNDEFINED_OBJECT, "type with OID " + oid + " does not exist");
            }
            parameterTypes.add(t);
        }
    }

    /** The final parameter types; 42P18 for a parameter whose type could not be inferred. */
    public int[] parameterOids() {
        int[] out = new int[parameterTypes.size()];
        for (int i = 0; i < out.length; i++) {
            PgType t = parameterTypes.get(i);
            if (t == PgType.UNKNOWN) {
                throw new PgException(SqlState.INDETERMINATE_DATATYPE,
                        "could not determine data type of parameter $" + (i + 1));
            }
            out[i] = t.oid();
        }
        return out;
    }

    /** The table named, through search_path when unqualified; empty when none. */
    Optional<TableDescriptor> findTable(QualifiedName name) {
        if (name.catalog() != null && !name.catalog().equals(context.databaseName())) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "cross-database references are not implemented: \""
                    + String.join(".", name.parts()) + "\"").withPosition(name.position());
        }
        if (name.schema() != null) {
            return context.cluster().catalog().table(context.transaction(), context.databaseOid(), name.schema(),
                    name.name());
        }
        for (String schema : context.searchPath()) {
            Optional<TableDescriptor> t = context.cluster().catalog().table(context.transaction(),
                    context.databaseOid(), schema, name.name());
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /**
     * Where the first parameter reference is, as {number, position}: a simple query has no parameter values, and
     * PostgreSQL reports "there is no parameter $n" at the first reference it analyses.
     */
    public int[] firstParameterReference() {
        return new int[]{firstParameter, firstParameterPosition};
    }

    public List<TableDescriptor> usedTables() {
        return List.copyOf(usedTables);
    }

    /** The table named; 42P01 relation "t" does not exist. */
    TableDescriptor table(QualifiedName name) {
        Optional<TableDescriptor> t = findTable(name);
        t.ifPresent(usedTables::add);
        return t.orElseThrow(() -> new PgException(SqlState.UNDEFINED_TABLE,
                "relation \"" + String.join(".", name.parts()) + "\" does not exist").withPosition(name.position()));
    }

    /**
     * The schema new objects go to: the given one, which must exist (3F000), else the first existing schema of
     * search_path (RangeVarGetCreationNamespace). {@code located}: whether the error carries the name's position
     * (CREATE TABLE does; CREATE TABLE AS resolves the name when executing, without one).
     */
    String creationSchema(QualifiedName name, boolean located) {
        if (name.schema() != null) {
            if (!schemaExists(name.schema())) {
                throw new PgException(SqlState.INVALID_SCHEMA_NAME, "schema \"" + name.schema() + "\" does not exist")
                        .withPosition(located ? name.position() : 0);
            }
            return name.schema();
        }
        for (String schema : context.searchPath()) {
            if (schemaExists(schema)) {
                return schema;
            }
        }
        throw new PgException(SqlState.INVALID_SCHEMA_NAME, "no schema has been selected to create in")
                .withPosition(located ? name.position() : 0);
    }

    boolean schemaExists(String schema) {
        return context.cluster().catalog().schemaExists(context.transaction(), context.databaseOid(), schema);
    }

    boolean tableExists(String schema, String name) {
        return context.cluster().catalog().table(context.transaction(), context.databaseOid(), schema, name)
                .isPresent();
    }

    /** Errors of constant folding, kept until the statement is analysed (see ConstantFolding#simplified). */
    private final List<Map.Entry<BoundExpr, PgException>> foldErrors = new ArrayList<>();

    void deferFoldError(BoundExpr e, PgException error) {
        foldErrors.add(Map.entry(e, error));
    }

    boolean hasDeferredFoldErrors() {
        return !foldErrors.isEmpty();
    }

    void forgetFoldErrors(Set<BoundExpr> dropped) {
        foldErrors.removeIf(f -> dropped.contains(f.getKey()));
    }

    int foldErrorMark() {
        return foldErrors.size();
    }

    /** Forgets the errors deferred since {@code mark}: the expression is stored, not planned (DEFAULT). */
    void forgetFoldErrorsSince(int mark) {
        foldErrors.subList(mark, foldErrors.size()).clear();
    }

    /**
     * Raises the first folding error that survived simplification, as PostgreSQL's planner does when it folds an
     * immutable call over constants that fails (SELECT 1/0 FROM t WHERE false fails without reading t).
     */
    public void raiseFoldErrors() {
        if (!foldErrors.isEmpty()) {
            throw foldErrors.get(0).getValue();
        }
    }
}
