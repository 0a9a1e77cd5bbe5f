package io.tuskdb.catalog;

import io.tuskdb.storage.ByteReader;
import io.tuskdb.storage.ByteWriter;
import io.tuskdb.types.PgType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of catalog rows: a format version byte, then varints and length-prefixed UTF-8 strings
 * (a null string is length 0 with a presence flag). Owned here so the layout can evolve with its version byte.
 */
final class CatalogCodec {
    private static final int VERSION = 1;

    private CatalogCodec() {
    }

    static byte[] encodeDatabase(DatabaseDescriptor d) {
        ByteWriter out = new ByteWriter(32).write(VERSION);
        out.writeVarLong(d.oid());
        writeString(out, d.name());
        out.write((d.isTemplate() ? 1 : 0) | (d.allowConnections() ? 2 : 0));
        return out.toByteArray();
    }

    static DatabaseDescriptor decodeDatabase(byte[] bytes) {
        ByteReader in = reader(bytes);
        int oid = (int) in.readVarLong();
        String name = readString(in);
        int flags = in.read();
        return new DatabaseDescriptor(oid, name, (flags & 1) != 0, (flags & 2) != 0);
    }

    static byte[] encodeRole(RoleDescriptor r) {
        ByteWriter out = new ByteWriter(160).write(VERSION);
        out.writeVarLong(r.oid());
        writeString(out, r.name());
        out.write((r.superuser() ? 1 : 0) | (r.canLogin() ? 2 : 0));
        writeString(out, r.passwordVerifier());
        return out.toByteArray();
    }

    static RoleDescriptor decodeRole(byte[] bytes) {
        ByteReader in = reader(bytes);
        int oid = (int) in.readVarLong();
        String name = readString(in);
        int flags = in.read();
        return new RoleDescriptor(oid, name, (flags & 1) != 0, (flags & 2) != 0, readString(in));
    }

    static byte[] encodeTable(TableDescriptor t) {
        ByteWriter out = new ByteWriter(128).write(VERSION);
        out.writeVarLong(t.oid());
        out.writeVarLong(t.databaseOid());
        writeString(out, t.schema());
        writeString(out, t.name());
        out.writeVarLong(t.columns().size());
        for (ColumnDescriptor c : t.columns()) {
            writeString(out, c.name());
            out.writeVarLong(c.attnum());
            out.writeVarLong(c.type().oid());
            out.writeSignedVarLong(c.typmod());
            out.write(c.notNull() ? 1 : 0);
            writeString(out, c.defaultExpression());
        }
        out.writeVarLong(t.primaryKey().length);
        for (int p : t.primaryKey()) {
            out.writeVarLong(p);
        }
        writeString(out, t.primaryKeyName());
        return out.toByteArray();
    }

    static TableDescriptor decodeTable(byte[] bytes) {
        ByteReader in = reader(bytes);
        int oid = (int) in.readVarLong();
        int databaseOid = (int) in.readVarLong();
        String schema = readString(in);
        String name = readString(in);
        int n = (int) in.readVarLong();
        List<ColumnDescriptor> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String columnName = readString(in);
            int attnum = (int) in.readVarLong();
            int typeOid = (int) in.readVarLong();
            PgType type = PgType.byOid(typeOid);
            if (type == null) {
                throw new IllegalStateException("catalog refers to unknown type " + typeOid);
            }
            int typmod = (int) in.readSignedVarLong();
            boolean notNull = in.read() != 0;
            columns.add(new ColumnDescriptor(columnName, attnum, type, typmod, notNull, readString(in)));
        }
        int[] pk = new int[(int) in.readVarLong()];
        for (int i = 0; i < pk.length; i++) {
            pk[i] = (int) in.readVarLong();
        }
        return new TableDescriptor(oid, databaseOid, schema, name, List.copyOf(columns), pk, readString(in));
    }

    private static ByteReader reader(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int version = in.read();
        if (version != VERSION) {
            throw new IllegalStateException("unknown catalog row format " + version);
        }
        return in;
    }

    private static void writeString(ByteWriter out, String s) {
        if (s == null) {
            out.writeVarLong(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeVarLong(b.length + 1L);
        out.write(b);
    }

    private static String readString(ByteReader in) {
        int len = (int) in.readVarLong();
        return len == 0 ? null : new String(in.readBytes(len - 1), StandardCharsets.UTF_8);
    }
}
