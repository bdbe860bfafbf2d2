package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.importing.ImportChoice;
import org.pipelinecrm.importing.ImportTarget;
import org.pipelinecrm.importing.RowProblem;
import org.pipelinecrm.pipeline.CloseReasonView;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A pipeline's history as an import target: each row is a deal with the dates it really opened and closed,
 * so the dashboards of an imported history are right. Re-importing the same external id updates the deal.
 * The stage history written is what the row tells ({@link Opportunity#recordHistory}): opened into the first
 * open stage (or the stage it is in), then closed into the won or lost stage on its close date. A row's {@code pipeline} name wins over the
 * {@code pipelineId} picked for the whole file.
 */
@Component
class OpportunityImport implements ImportTarget {

    private final OpportunityRepository opportunities;
    private final Pipelines pipelines;
    private final Accounts accounts;
    private final People people;
    private final Workspaces workspaces;
    private final CustomFields customFields;

    OpportunityImport(
            OpportunityRepository opportunities,
            Pipelines pipelines,
            Accounts accounts,
            People people,
            Workspaces workspaces,
            CustomFields customFields) {
        this.customFields = customFields;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.accounts = accounts;
        this.people = people;
        this.workspaces = workspaces;
    }

    @Override
    public String entity() {
        return "opportunities";
    }

    @Override
    public List<String> fields() {
        return java.util.stream.Stream.concat(
                        base().stream(), customFields.importFields(RecordKind.OPPORTUNITY).stream())
                .toList();
    }

    /** The deal's own fields; the workspace's custom fields follow them as {@code cf.KEY}. */
    private static List<String> base() {
        return List.of(
                "externalId",
                "name",
                "stage",
                "amount",
                "openedAt",
                "closedAt",
                "accountName",
                "ownerName",
                "source",
                "industry",
                "reason",
                "expectedCloseDate",
                "pipeline",
                "pipelineId");
    }

    /** The pipeline is picked on the mapping page among those the importer sees; the first is the default. */
    @Override
    public Map<String, List<ImportChoice>> choices() {
        return Map.of(
                "pipelineId",
                pipelines.visible().stream()
                        .map(p -> new ImportChoice(String.valueOf(p.id()), p.name()))
                        .toList());
    }

    @Override
    public boolean importRow(Map<String, String> v) {
        CrmUser me = CurrentUser.get();
        if (!me.seesWholeWorkspace()) {
            throw new AccessDeniedException("Only managers import a pipeline's history");
        }
        String externalId = text(v.get("externalId"), 120, "externalId");
        String name = text(v.get("name") != null ? v.get("name") : externalId, 200, "name");
        if (name == null) {
            throw new RowProblem("dealNeedsName");
        }
        PipelineView pipeline = pipeline(v.get("pipelineId"), v.get("pipeline"));
        StageView stage = stage(pipeline, v.get("stage"));
        BigDecimal amount = amount(v.get("amount"));
        ZoneId zone = workspaces.current().timeZone(); // a date alone means that day in the workspace
        Instant opened = day(v.get("openedAt"), "openedAt", zone);
        if (opened == null) {
            throw new RowProblem("openedAtNeeded");
        }
        Instant closed = day(v.get("closedAt"), "closedAt", zone);
        UserSummary owner = owner(v.get("ownerName"), me);
        String reason = reason(stage, v.get("reason"));
        Opportunity existing = externalId == null
                ? null
                : opportunities.findByExternalId(externalId).orElse(null);
        // checked before anything of the row is written; a new deal must have every required field
        String values = customFields.write(
                RecordKind.OPPORTUNITY,
                existing == null ? "{}" : existing.getCustomFields(),
                customFields.fromRow(v),
                existing == null);
        Long accountId = v.get("accountName") == null
                ? null
                : accounts.findOrCreateByName(text(v.get("accountName"), 200, "accountName"))
                        .id();
        LocalDate expected = v.get("expectedCloseDate") != null
                ? LocalDate.ofInstant(day(v.get("expectedCloseDate"), "expectedCloseDate", zone), zone)
                : closed != null ? LocalDate.ofInstant(closed, zone) : null;

        Opportunity deal = existing != null
                ? existing
                : new Opportunity(name, pipeline.openStages().get(0), owner.id(), owner.teamId(), me.id(), opened);
        deal.fillIn(values);
        deal.describe(
                name,
                amount,
                null,
                expected,
                text(v.get("source"), 80, "source"),
                text(v.get("industry"), 80, "industry"),
                existing == null ? null : existing.toView(null, null).nextStep(),
                accountId,
                existing == null ? null : existing.toView(null, null).contactId());
        deal.assign(owner.id(), owner.teamId());
        deal.recordHistory(stage, opened, closed, reason, externalId, me.id(), Instant.now());
        opportunities.saveAndFlush(deal);
        return existing != null;
    }

    /** A row's pipeline: by the name in its {@code pipeline} column, else by id (a column or the file's pick). */
    private PipelineView pipeline(String id, String name) {
        if (id != null && name == null) {
            try {
                return pipelines.pipeline(Long.parseLong(id.trim()));
            } catch (NumberFormatException e) {
                throw new RowProblem("notPipelineId", id);
            }
        }
        List<PipelineView> visible = pipelines.visible();
        if (name != null) {
            return visible.stream()
                    .filter(p -> p.name().trim().equalsIgnoreCase(name.trim()))
                    .findFirst()
                    .orElseThrow(() -> new RowProblem("noPipelineNamed", name));
        }
        return visible.stream().findFirst().orElseThrow(() -> new RowProblem("noPipeline"));
    }

    private static StageView stage(PipelineView pipeline, String name) {
        if (name == null) {
            throw new RowProblem("stageNeeded");
        }
        return pipeline.stages().stream()
                .filter(s -> s.name().trim().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new RowProblem("noStageNamed", name, pipeline.name()));
    }

    private UserSummary owner(String name, CrmUser me) {
        if (name == null) {
            return people.user(me.id());
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return people.users().stream()
                .filter(u -> u.name().trim().toLowerCase(Locale.ROOT).equals(wanted)
                        || u.email().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new RowProblem("noOwnerNamed", name));
    }

    private String reason(StageView stage, String reason) {
        if (reason == null || stage.isOpen()) {
            return null;
        }
        return pipelines
                .reason(stage.kind(), reason)
                .map(CloseReasonView::code)
                .orElseThrow(() -> new RowProblem(
                        stage.kind() == StageKind.WON ? "unknownWinReason" : "unknownLossReason", reason));
    }

    private static BigDecimal amount(String s) {
        if (s == null) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal amount = new BigDecimal(s.replace(",", "").trim());
            if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
                throw new RowProblem("badAmount", s);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new RowProblem("notNumber", "amount", s);
        }
    }

    /** A date (2024-03-17, its midnight in the zone) or an instant (2024-03-17T10:00:00Z), kept as given. */
    private static Instant day(String s, String field, ZoneId zone) {
        if (s == null) {
            return null;
        }
        String value = s.trim();
        try {
            return value.length() <= 10
                    ? LocalDate.parse(value).atStartOfDay(zone).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowProblem("notDate", field, s);
        }
    }

    private static String text(String s, int max, String field) {
        if (s == null) {
            return null;
        }
        if (s.length() > max) {
            throw new RowProblem("tooLong", field, max);
        }
        return s.trim();
    }
}
