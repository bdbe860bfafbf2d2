package org.pipelinecrm.importing;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an import wrote, for its undo: targets note each record they created, or updated with its values before,
 * and the version they left it at, in the transaction that wrote it. A record written twice by the same import
 * keeps its first "before" and its last version.
 */
@Component
public class ImportLedger {

    /** One record an import wrote; {@code before} is the target's own form of its values before (null if created). */
    public record Entry(long recordId, boolean created, String before, long version) {}

    private final JdbcTemplate jdbc;

    ImportLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Notes the entries of the import {@code importId}; nothing when the rows come from no stored import. */
    public void record(long importId, Collection<Entry> entries) {
        if (importId == 0 || entries.isEmpty()) {
            return;
        }
        List<Entry> rows = new ArrayList<>(entries);
        jdbc.execute((java.sql.Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    insert into import_record (tenant_id, import_id, record_id, created, before, version)
                    select ?, ?, u.* from unnest(?::bigint[], ?::boolean[], ?::text[], ?::bigint[])
                      as u(record_id, created, before, version)
                    on conflict (tenant_id, import_id, record_id) do update set version = excluded.version
                    """)) {
                ps.setLong(1, TenantContext.require());
                ps.setLong(2, importId);
                ps.setArray(
                        3,
                        con.createArrayOf(
                                "bigint", rows.stream().map(Entry::recordId).toArray()));
                ps.setArray(
                        4,
                        con.createArrayOf(
                                "boolean", rows.stream().map(Entry::created).toArray()));
                ps.setArray(
                        5,
                        con.createArrayOf(
                                "text", rows.stream().map(Entry::before).toArray()));
                ps.setArray(
                        6,
                        con.createArrayOf(
                                "bigint", rows.stream().map(Entry::version).toArray()));
                return ps.executeUpdate();
            }
        });
    }

    /** The next entries of the import still to undo, by record id. */
    List<Entry> next(long importId, int limit) {
        return jdbc.query(
                "select record_id, created, before, version from import_record where import_id = ?"
                        + " order by record_id limit ?",
                (rs, i) -> new Entry(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getLong(4)),
                importId,
                limit);
    }

    /** Drops entries the undo handled (undone or left alone), in the undo's chunk transaction. */
    void handled(long importId, Collection<Long> recordIds) {
        jdbc.update(con -> {
            PreparedStatement ps =
                    con.prepareStatement("delete from import_record where import_id = ? and record_id = any(?)");
            ps.setLong(1, importId);
            ps.setArray(2, con.createArrayOf("bigint", recordIds.toArray()));
            return ps;
        });
    }

    long remaining(long importId) {
        Long n = jdbc.queryForObject("select count(*) from import_record where import_id = ?", Long.class, importId);
        return n == null ? 0 : n;
    }
}
