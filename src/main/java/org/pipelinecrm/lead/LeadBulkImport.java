package org.pipelinecrm.lead;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.importing.ChunkedImportTarget.ChunkResult;
import org.pipelinecrm.importing.ChunkedImportTarget.Row;
import org.pipelinecrm.importing.ImportLedger;
import org.pipelinecrm.importing.ImportStatus.RowError;
import org.pipelinecrm.importing.RowProblem;
import org.pipelinecrm.scoring.Scorecard;
import org.pipelinecrm.scoring.Scorecard.Behaviour;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a chunk of imported leads in the caller's transaction with a handful of statements: duplicate keys
 * and external ids are looked up once per chunk, new leads and their timeline rows go in as one multi-row
 * insert each (arrays unnested by PostgreSQL). Rules are the same as one lead at a time: validation,
 * duplicate check (against the workspace and the earlier rows of the file), update by external id, scoring.
 */
@Component
class LeadBulkImport {

    /** The sequences' INCREMENT BY, which Hibernate's pooled optimizer reads as a block of ids ending at the value. */
    private static final int ID_BLOCK = 50;

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final JdbcTemplate jdbc;
    private final ImportLedger ledger;
    private final CustomFields customFields;
    static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    LeadBulkImport(
            LeadRepository leads,
            LeadEventRepository events,
            ScoreKeeper scores,
            Scoring scoring,
            JdbcTemplate jdbc,
            ImportLedger ledger,
            CustomFields customFields) {
        this.customFields = customFields;
        this.ledger = ledger;
        this.leads = leads;
        this.events = events;
        this.scores = scores;
        this.scoring = scoring;
        this.jdbc = jdbc;
    }

    /** A column of the lead table the insert fills: its name, its SQL type and where each new lead's value comes from. */
    private record Column(String name, String type, Function<Lead, Object> value) {}

    /** Every column a new lead is inserted with except tenant_id: a new column is one more line here. */
    private static final List<Column> COLUMNS = List.of(
            new Column("id", "bigint", Lead::id),
            new Column("first_name", "text", l -> l.details().firstName()),
            new Column("last_name", "text", l -> l.details().lastName()),
            new Column("email", "text", l -> l.details().email()),
            new Column("phone", "text", l -> l.details().phone()),
            new Column("company", "text", l -> l.details().company()),
            new Column("title", "text", l -> l.details().title()),
            new Column("industry", "text", l -> l.details().industry()),
            new Column("country", "text", l -> l.details().country()),
            new Column("company_size", "int", l -> l.details().companySize()),
            new Column("annual_revenue", "numeric", l -> l.details().annualRevenue()),
            new Column("source", "text", l -> l.details().source()),
            new Column("type", "text", l -> l.type().name()),
            new Column("status", "text", l -> l.status().name()),
            new Column("owner_id", "bigint", l -> l.details().ownerId()),
            new Column("team_id", "bigint", l -> l.details().teamId()),
            new Column("external_id", "text", Lead::externalId),
            new Column("email_key", "text", Lead::emailKey),
            new Column("name_key", "text", Lead::nameKey),
            new Column("score", "int", Lead::score),
            new Column("score_breakdown", "text", Lead::scoreBreakdown),
            new Column("sales_ready", "boolean", Lead::salesReady),
            new Column("created_by", "bigint", Lead::createdBy),
            new Column("created_at", "timestamptz", l -> l.createdAt().toString()),
            new Column("updated_at", "timestamptz", l -> l.updatedAt().toString()),
            new Column("version", "bigint", Lead::version),
            new Column("custom_fields", "jsonb", Lead::customFields));

    ChunkResult write(List<Row> rows, Function<Map<String, String>, LeadDetails> parse) {
        return write(rows, parse, 0);
    }

    /** {@link #write(List, Function)} noting in the ledger of import {@code importId} what it wrote. */
    ChunkResult write(List<Row> rows, Function<Map<String, String>, LeadDetails> parse, long importId) {
        CrmUser user = CurrentUser.get();
        Scorecard card = scoring.scorecard();
        Instant now = Instant.now();
        List<RowError> errors = new ArrayList<>();
        Map<Row, LeadDetails> valid = new LinkedHashMap<>();
        // each row's custom field values, checked as a lead's edit checks them (a new lead's required ones below)
        Map<Row, Map<String, Object>> given = new HashMap<>();
        CustomFields.Writer fields = customFields.writer(RecordKind.LEAD);
        for (Row row : rows) {
            try {
                LeadDetails details = parse.apply(row.values());
                Map<String, Object> values = customFields.fromRow(row.values());
                check(fields, row, values, "{}", false);
                valid.put(row, details);
                given.put(row, values);
            } catch (IllegalArgumentException e) {
                errors.add(RowError.of(row.number(), e));
            }
        }
        Map<String, Lead> byExternalId = new HashMap<>();
        List<String> externalIds = valid.values().stream()
                .map(LeadDetails::externalId)
                .filter(Objects::nonNull)
                .map(String::trim)
                .distinct()
                .toList();
        if (!externalIds.isEmpty()) {
            leads.findByExternalIdIn(externalIds).forEach(l -> byExternalId.put(l.externalId(), l));
        }
        Map<Lead, LeadDetails> before = new LinkedHashMap<>();
        int updated = updateExisting(valid, given, fields, byExternalId, card, user, now, before);
        leads.flush();
        ledger.record(
                importId,
                before.entrySet().stream()
                        .map(e -> new ImportLedger.Entry(
                                e.getKey().id(),
                                false,
                                JSON.writeValueAsString(e.getValue()),
                                e.getKey().version()))
                        .toList());

        List<Lead> fresh = new ArrayList<>();
        Map<Row, Lead> candidates = new LinkedHashMap<>();
        for (var entry : valid.entrySet()) {
            LeadDetails details = entry.getValue();
            String ext =
                    details.externalId() == null ? null : details.externalId().trim();
            if (ext == null || !byExternalId.containsKey(ext)) {
                Lead lead = Lead.imported(details, user.id(), now);
                try {
                    lead.fillIn(check(fields, entry.getKey(), given.get(entry.getKey()), "{}", true));
                } catch (RowProblem e) { // a required field the row leaves empty: the row is skipped whole
                    errors.add(RowError.of(entry.getKey().number(), e));
                    continue;
                }
                candidates.put(entry.getKey(), lead);
            }
        }
        Map<String, Long> emails = existing(
                "email_key", candidates.values().stream().map(Lead::emailKey).toList());
        Map<String, Long> names = existing(
                "name_key", candidates.values().stream().map(Lead::nameKey).toList());
        long[] ids = ids("lead_seq", candidates.size());
        Map<String, Lead> freshByExternalId = new HashMap<>();
        int next = 0;
        for (var entry : candidates.entrySet()) {
            Lead lead = entry.getValue();
            Lead sameFileRow = lead.externalId() == null ? null : freshByExternalId.get(lead.externalId());
            if (sameFileRow != null) { // an earlier row of this chunk had the same external id: this one updates it
                sameFileRow.reimport(lead.details());
                sameFileRow.fillIn(
                        check(fields, entry.getKey(), given.get(entry.getKey()), sameFileRow.customFields(), false));
                updated++;
                continue;
            }
            Long duplicate = lead.emailKey() == null ? null : emails.get(lead.emailKey());
            if (duplicate == null && lead.nameKey() != null) {
                duplicate = names.get(lead.nameKey());
            }
            if (duplicate != null) {
                errors.add(RowError.of(entry.getKey().number(), new RowProblem("duplicateLead", duplicate)));
                continue;
            }
            lead.identify(ids[next++]);
            if (lead.emailKey() != null) {
                emails.put(lead.emailKey(), lead.id());
            }
            if (lead.nameKey() != null) {
                names.put(lead.nameKey(), lead.id());
            }
            if (lead.externalId() != null) {
                freshByExternalId.put(lead.externalId(), lead);
            }
            fresh.add(lead);
        }
        // Fresh leads bypass JPA, so their changes are not published: their timeline entries go in with one insert.
        List<TimelineEntry> timeline = new ArrayList<>();
        long tenant = TenantContext.require();
        for (Lead lead : fresh) {
            scores.apply(lead, card.score(lead.fit(), List.of(), now), card, user.id());
            lead.changes(tenant).forEach(change -> timeline.add(LeadTimeline.entry(change)));
            lead.published();
        }
        insertLeads(fresh);
        insertTimeline(timeline);
        ledger.record(
                importId,
                fresh.stream()
                        .map(l -> new ImportLedger.Entry(l.id(), true, null, l.version()))
                        .toList());
        errors.sort((a, b) -> Long.compare(a.row(), b.row()));
        return new ChunkResult(fresh.size(), updated, errors);
    }

    /** Rows whose external id is already in the workspace update that lead, rescored with its events. */
    private int updateExisting(
            Map<Row, LeadDetails> valid,
            Map<Row, Map<String, Object>> given,
            CustomFields.Writer fields,
            Map<String, Lead> byExternalId,
            Scorecard card,
            CrmUser user,
            Instant now,
            Map<Lead, LeadDetails> before) {
        List<Lead> changed = new ArrayList<>();
        valid.forEach((row, details) -> {
            Lead lead = details.externalId() == null
                    ? null
                    : byExternalId.get(details.externalId().trim());
            if (lead != null) {
                before.putIfAbsent(lead, lead.details());
                lead.reimport(details);
                lead.fillIn(check(fields, row, given.get(row), lead.customFields(), false));
                changed.add(lead);
            }
        });
        if (changed.isEmpty()) {
            return 0;
        }
        Map<Long, List<Behaviour>> behaviour = new HashMap<>();
        events.findByLeadIdIn(changed.stream().map(Lead::id).distinct().toList())
                .forEach(e -> behaviour
                        .computeIfAbsent(e.leadId, k -> new ArrayList<>())
                        .add(new Behaviour(e.type, e.occurredAt)));
        for (Lead lead : changed.stream().distinct().toList()) {
            scores.apply(
                    lead, card.score(lead.fit(), behaviour.getOrDefault(lead.id(), List.of()), now), card, user.id());
        }
        leads.saveAll(changed.stream().distinct().toList()); // publishes what the new scores changed
        return changed.size();
    }

    /** The row's custom field values laid over {@code stored}, or the row's problem naming the column and value. */
    private static String check(
            CustomFields.Writer fields, Row row, Map<String, Object> values, String stored, boolean creating) {
        try {
            return fields.write(stored, values, creating);
        } catch (InvalidInputException e) {
            throw RowProblem.customField(e, row.values());
        }
    }

    /** Duplicate key → the first lead that has it, for the keys given (nulls ignored). */
    private Map<String, Long> existing(String column, List<String> keys) {
        String[] wanted = keys.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, Long> found = new HashMap<>();
        if (wanted.length == 0) {
            return found;
        }
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement("select " + column + ", min(id) from lead where "
                            + column + " = any(?) group by " + column);
                    ps.setArray(1, con.createArrayOf("text", wanted));
                    return ps;
                },
                rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    /** Ids for new rows, block by block from the table's sequence exactly as Hibernate takes them. */
    private long[] ids(String sequence, int count) {
        long[] ids = new long[count];
        if (count == 0) {
            return ids;
        }
        int blocks = (count + ID_BLOCK - 1) / ID_BLOCK + 1; // one spare: a fresh sequence's first value is too low
        List<Long> highs =
                jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, blocks);
        int i = 0;
        for (long high : highs) {
            for (long id = high - ID_BLOCK + 1; high >= ID_BLOCK && id <= high && i < count; id++) {
                ids[i++] = id;
            }
        }
        return ids;
    }

    private void insertLeads(List<Lead> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        String names = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
        String arrays = COLUMNS.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "));
        // the rows come through the workspace's own row: on Citus the insert then runs on the worker holding the
        // workspace (an INSERT ... SELECT from arrays alone is copied in, and COPY refuses row-level security)
        String sql = "insert into lead (tenant_id, " + names + ") select w.id, u.* from workspace_facts w, unnest("
                + arrays + ") as u(" + names + ") where w.id = ?";
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                int p = 1;
                for (Column column : COLUMNS) {
                    ps.setArray(p++, array(con, column.type(), fresh, column.value()));
                }
                ps.setLong(p, TenantContext.require());
                return ps.executeUpdate();
            }
        });
    }

    private void insertTimeline(List<TimelineEntry> rows) {
        if (rows.isEmpty()) {
            return;
        }
        long[] ids = ids("timeline_entry_seq", rows.size());
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    insert into timeline_entry (tenant_id, id, lead_id, kind, detail, actor_id, occurred_at)
                    select w.id, u.* from workspace_facts w, unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[],
                      ?::bigint[], ?::timestamptz[]) as u(id, lead_id, kind, detail, actor_id, occurred_at)
                    where w.id = ?
                    """)) {
                ps.setLong(7, TenantContext.require());
                Long[] idArray = new Long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    idArray[i] = ids[i];
                }
                ps.setArray(1, con.createArrayOf("bigint", idArray));
                ps.setArray(2, array(con, "bigint", rows, e -> e.leadId));
                ps.setArray(3, array(con, "text", rows, e -> e.kind));
                ps.setArray(4, array(con, "text", rows, e -> e.detail));
                ps.setArray(5, array(con, "bigint", rows, e -> e.actorId));
                ps.setArray(6, array(con, "timestamptz", rows, e -> e.occurredAt.toString()));
                return ps.executeUpdate();
            }
        });
    }

    private static <T> Array array(Connection con, String type, List<T> rows, Function<T, Object> value)
            throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return con.createArrayOf(type, values);
    }
}
