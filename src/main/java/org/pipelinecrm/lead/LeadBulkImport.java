package org.pipelinecrm.lead;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.importing.ChunkedImportTarget.ChunkResult;
import org.pipelinecrm.importing.ChunkedImportTarget.Row;
import org.pipelinecrm.importing.ImportStatus.RowError;
import org.pipelinecrm.importing.RowProblem;
import org.pipelinecrm.scoring.Scorecard;
import org.pipelinecrm.scoring.Scorecard.Behaviour;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a chunk of imported leads in the caller's transaction with a handful of statements: duplicate keys
 * and external ids are looked up once per chunk, new leads and their timeline rows go in as one multi-row
 * insert each (arrays unnested by PostgreSQL). Rules are the same as one lead at a time: validation,
 * duplicate check (against the workspace and the earlier rows of the file), update by external id, scoring.
 */
@Component
class LeadBulkImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The sequences' INCREMENT BY, which Hibernate's pooled optimizer reads as a block of ids ending at the value. */
    private static final int ID_BLOCK = 50;

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final JdbcTemplate jdbc;

    LeadBulkImport(LeadRepository leads, LeadEventRepository events, ScoreKeeper scores, Scoring scoring,
            JdbcTemplate jdbc) {
        this.leads = leads;
        this.events = events;
        this.scores = scores;
        this.scoring = scoring;
        this.jdbc = jdbc;
    }

    private record Timeline(long leadId, String kind, String detail) {
    }

    ChunkResult write(List<Row> rows, Function<Map<String, String>, LeadDetails> parse) {
        CrmUser user = CurrentUser.get();
        Scorecard card = scoring.scorecard();
        Instant now = Instant.now();
        List<RowError> errors = new ArrayList<>();
        Map<Row, LeadDetails> valid = new LinkedHashMap<>();
        for (Row row : rows) {
            try {
                valid.put(row, parse.apply(row.values()));
            } catch (IllegalArgumentException e) {
                errors.add(RowError.of(row.number(), e));
            }
        }
        Map<String, Lead> byExternalId = new HashMap<>();
        List<String> externalIds = valid.values().stream().map(LeadDetails::externalId).filter(Objects::nonNull)
                .map(String::trim).distinct().toList();
        if (!externalIds.isEmpty()) {
            leads.findByExternalIdIn(externalIds).forEach(l -> byExternalId.put(l.externalId, l));
        }
        int updated = updateExisting(valid, byExternalId, card, user, now);
        leads.flush();

        List<Lead> fresh = new ArrayList<>();
        Map<Row, Lead> candidates = new LinkedHashMap<>();
        valid.forEach((row, details) -> {
            String ext = details.externalId() == null ? null : details.externalId().trim();
            if (ext == null || !byExternalId.containsKey(ext)) {
                candidates.put(row, new Lead(details, user.id()));
            }
        });
        Map<String, Long> emails = existing("email_key", candidates.values().stream().map(l -> l.emailKey).toList());
        Map<String, Long> names = existing("name_key", candidates.values().stream().map(l -> l.nameKey).toList());
        long[] ids = ids("lead_seq", candidates.size());
        Map<String, Lead> freshByExternalId = new HashMap<>();
        int next = 0;
        for (var entry : candidates.entrySet()) {
            Lead lead = entry.getValue();
            Lead sameFileRow = lead.externalId == null ? null : freshByExternalId.get(lead.externalId);
            if (sameFileRow != null) { // an earlier row of this chunk had the same external id: this one updates it
                sameFileRow.change(sameFileRow.details().with(lead.details()));
                updated++;
                continue;
            }
            Long duplicate = lead.emailKey == null ? null : emails.get(lead.emailKey);
            if (duplicate == null && lead.nameKey != null) {
                duplicate = names.get(lead.nameKey);
            }
            if (duplicate != null) {
                errors.add(RowError.of(entry.getKey().number(), new RowProblem("duplicateLead", duplicate)));
                continue;
            }
            lead.id = ids[next++];
            lead.createdAt = now;
            lead.updatedAt = now;
            if (lead.emailKey != null) {
                emails.put(lead.emailKey, lead.id);
            }
            if (lead.nameKey != null) {
                names.put(lead.nameKey, lead.id);
            }
            if (lead.externalId != null) {
                freshByExternalId.put(lead.externalId, lead);
            }
            fresh.add(lead);
        }
        List<Timeline> timeline = new ArrayList<>();
        for (Lead lead : fresh) {
            timeline.add(new Timeline(lead.id, "CREATED", LeadWording.IMPORTED));
            var score = card.score(lead.fit(), List.of(), now);
            if (lead.rescored(score.total(), JSON.writeValueAsString(score.breakdown()), score.mql(), score.salesReady())) {
                timeline.add(new Timeline(lead.id, "PROMOTED", LeadWording.crossed(score.total(), card.mqlThreshold())));
            }
            if (score.salesReady()) {
                timeline.add(new Timeline(lead.id, "SALES_READY", LeadWording.crossed(score.total(), card.sqlThreshold())));
            }
        }
        insertLeads(fresh, user);
        insertTimeline(timeline, user, now);
        errors.sort((a, b) -> Long.compare(a.row(), b.row()));
        return new ChunkResult(fresh.size(), updated, errors);
    }

    /** Rows whose external id is already in the workspace update that lead, rescored with its events. */
    private int updateExisting(Map<Row, LeadDetails> valid, Map<String, Lead> byExternalId, Scorecard card,
            CrmUser user, Instant now) {
        List<Lead> changed = new ArrayList<>();
        valid.values().forEach(details -> {
            Lead lead = details.externalId() == null ? null : byExternalId.get(details.externalId().trim());
            if (lead != null) {
                lead.change(lead.details().with(details));
                changed.add(lead);
            }
        });
        if (changed.isEmpty()) {
            return 0;
        }
        Map<Long, List<Behaviour>> behaviour = new HashMap<>();
        events.findByLeadIdIn(changed.stream().map(l -> l.id).distinct().toList()).forEach(e -> behaviour
                .computeIfAbsent(e.leadId, k -> new ArrayList<>()).add(new Behaviour(e.type, e.occurredAt)));
        for (Lead lead : changed.stream().distinct().toList()) {
            scores.apply(lead, card.score(lead.fit(), behaviour.getOrDefault(lead.id, List.of()), now), card, user.id());
        }
        return changed.size();
    }

    /** Duplicate key → the first lead that has it, for the keys given (nulls ignored). */
    private Map<String, Long> existing(String column, List<String> keys) {
        String[] wanted = keys.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, Long> found = new HashMap<>();
        if (wanted.length == 0) {
            return found;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + column + ", min(id) from lead where " + column
                    + " = any(?) group by " + column);
            ps.setArray(1, con.createArrayOf("text", wanted));
            return ps;
        }, rs -> {
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
        List<Long> highs = jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)",
                Long.class, blocks);
        int i = 0;
        for (long high : highs) {
            for (long id = high - ID_BLOCK + 1; high >= ID_BLOCK && id <= high && i < count; id++) {
                ids[i++] = id;
            }
        }
        return ids;
    }

    private void insertLeads(List<Lead> fresh, CrmUser user) {
        if (fresh.isEmpty()) {
            return;
        }
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    insert into lead (tenant_id, id, first_name, last_name, email, phone, company, title, industry,
                      country, company_size, annual_revenue, source, type, status, team_id, external_id, email_key,
                      name_key, score, score_breakdown, sales_ready, created_by, created_at, updated_at, version)
                    select ?, u.id, u.first_name, u.last_name, u.email, u.phone, u.company, u.title, u.industry,
                      u.country, u.company_size, u.annual_revenue, u.source, u.type, 'NEW', u.team_id, u.external_id,
                      u.email_key, u.name_key, u.score, u.score_breakdown, u.sales_ready, ?, ?, ?, 0
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                      ?::text[], ?::text[], ?::int[], ?::numeric[], ?::text[], ?::text[], ?::bigint[], ?::text[],
                      ?::text[], ?::text[], ?::int[], ?::text[], ?::boolean[])
                      as u(id, first_name, last_name, email, phone, company, title, industry, country, company_size,
                      annual_revenue, source, type, team_id, external_id, email_key, name_key, score, score_breakdown,
                      sales_ready)
                    """)) {
                Timestamp at = Timestamp.from(fresh.get(0).createdAt);
                ps.setLong(1, TenantContext.require());
                ps.setLong(2, user.id());
                ps.setTimestamp(3, at);
                ps.setTimestamp(4, at);
                int p = 5;
                ps.setArray(p++, array(con, "bigint", fresh, l -> l.id));
                ps.setArray(p++, array(con, "text", fresh, l -> l.firstName));
                ps.setArray(p++, array(con, "text", fresh, l -> l.lastName));
                ps.setArray(p++, array(con, "text", fresh, l -> l.email));
                ps.setArray(p++, array(con, "text", fresh, l -> l.phone));
                ps.setArray(p++, array(con, "text", fresh, l -> l.company));
                ps.setArray(p++, array(con, "text", fresh, l -> l.title));
                ps.setArray(p++, array(con, "text", fresh, l -> l.industry));
                ps.setArray(p++, array(con, "text", fresh, l -> l.country));
                ps.setArray(p++, array(con, "int", fresh, l -> l.companySize));
                ps.setArray(p++, array(con, "numeric", fresh, l -> l.annualRevenue));
                ps.setArray(p++, array(con, "text", fresh, l -> l.source));
                ps.setArray(p++, array(con, "text", fresh, l -> l.type.name()));
                ps.setArray(p++, array(con, "bigint", fresh, l -> l.teamId));
                ps.setArray(p++, array(con, "text", fresh, l -> l.externalId));
                ps.setArray(p++, array(con, "text", fresh, l -> l.emailKey));
                ps.setArray(p++, array(con, "text", fresh, l -> l.nameKey));
                ps.setArray(p++, array(con, "int", fresh, l -> l.score));
                ps.setArray(p++, array(con, "text", fresh, l -> l.scoreBreakdown));
                ps.setArray(p, array(con, "boolean", fresh, l -> l.salesReady));
                return ps.executeUpdate();
            }
        });
    }

    private void insertTimeline(List<Timeline> rows, CrmUser user, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        long[] ids = ids("timeline_entry_seq", rows.size());
        jdbc.execute((Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    insert into timeline_entry (tenant_id, id, lead_id, kind, detail, actor_id, occurred_at)
                    select ?, u.id, u.lead_id, u.kind, u.detail, ?, ?
                    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as u(id, lead_id, kind, detail)
                    """)) {
                ps.setLong(1, TenantContext.require());
                ps.setLong(2, user.id());
                ps.setTimestamp(3, Timestamp.from(now));
                Long[] idArray = new Long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    idArray[i] = ids[i];
                }
                ps.setArray(4, con.createArrayOf("bigint", idArray));
                ps.setArray(5, array(con, "bigint", rows, Timeline::leadId));
                ps.setArray(6, array(con, "text", rows, Timeline::kind));
                ps.setArray(7, array(con, "text", rows, Timeline::detail));
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
