package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.importing.ImportChoice;
import org.pipelinecrm.importing.ImportDates;
import org.pipelinecrm.importing.ImportLedger;
import org.pipelinecrm.importing.ImportOptions;
import org.pipelinecrm.importing.RowProblem;
import org.pipelinecrm.importing.UndoableImportTarget;
import org.pipelinecrm.pipeline.CloseReasonView;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.Digits;
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
class OpportunityImport implements UndoableImportTarget {

    private final OpportunityRepository opportunities;
    private final Pipelines pipelines;
    private final Accounts accounts;
    private final People people;
    private final Workspaces workspaces;
    private final StageChangeRepository history;
    private final CustomFields customFields;
    private final ImportLedger ledger;
    private final DealImportUndo undo;

    OpportunityImport(
            OpportunityRepository opportunities,
            Pipelines pipelines,
            Accounts accounts,
            People people,
            Workspaces workspaces,
            StageChangeRepository history,
            CustomFields customFields,
            ImportLedger ledger,
            DealImportUndo undo) {
        this.ledger = ledger;
        this.undo = undo;
        this.history = history;
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
                "createdAt",
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
    public Map<String, String> labels(java.util.Locale locale) {
        return customFields.importLabels(RecordKind.OPPORTUNITY, locale);
    }

    @Override
    public Map<String, List<String>> synonyms() {
        return Map.ofEntries(
                Map.entry("externalId", List.of("Deal ID", "Opportunity ID", "Record ID", "ID", "شناسه")),
                Map.entry("name", List.of("Deal Name", "Deal", "Opportunity", "Opportunity Name", "نام معامله")),
                Map.entry("stage", List.of("Deal Stage", "Stage Name", "مرحله")),
                Map.entry("amount", List.of("Value", "Deal Value", "Deal Amount", "مبلغ", "ارزش")),
                Map.entry("openedAt", List.of("Created", "Opened", "Open Date", "Created Date", "تاریخ ایجاد")),
                Map.entry("closedAt", List.of("Closed", "Close Date", "Closed Date", "Closed At", "تاریخ بسته شدن")),
                Map.entry("createdAt", List.of("Date Created", "Record Created")),
                Map.entry(
                        "accountName",
                        List.of("Company", "Account", "Organisation", "Organization", "Customer", "شرکت", "مشتری")),
                Map.entry("ownerName", List.of("Owner", "Deal Owner", "Sales Rep", "Rep", "مالک", "کارشناس فروش")),
                Map.entry("source", List.of("Lead Source", "منبع")),
                Map.entry("industry", List.of("Sector", "صنعت")),
                Map.entry("reason", List.of("Lost Reason", "Loss Reason", "Win Reason", "Close Reason", "دلیل")),
                Map.entry("expectedCloseDate", List.of("Expected Close", "تاریخ بسته شدن پیش بینی")),
                Map.entry("pipeline", List.of("Pipeline Name", "قیف")));
    }

    @Override
    public String ownerField() {
        return "ownerName";
    }

    @Override
    public List<String> unknownOwners(java.util.Collection<String> names) {
        List<UserSummary> everyone = people.users();
        return names.stream()
                .filter(name -> everyone.stream().noneMatch(u -> named(u, name)))
                .toList();
    }

    private static boolean named(UserSummary u, String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return u.name().trim().toLowerCase(Locale.ROOT).equals(wanted)
                || u.email().equalsIgnoreCase(wanted);
    }

    @Override
    public boolean importRow(Map<String, String> v) {
        return importRow(v, ImportOptions.none(), note -> {});
    }

    /**
     * A deal without an opened date is still imported: it opened on its earliest known date (its first stage
     * change, its creation, its close) or else on the import's day, and the row's note says so.
     */
    @Override
    public boolean importRow(Map<String, String> v, ImportOptions options, Consumer<RowProblem> note) {
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
        String order = options.dateOrder();
        Instant opened = ImportDates.parse(v.get("openedAt"), "openedAt", zone, order);
        Instant closed = ImportDates.parse(v.get("closedAt"), "closedAt", zone, order);
        Instant created = ImportDates.parse(v.get("createdAt"), "createdAt", zone, order);
        Opportunity existing = externalId == null
                ? null
                : opportunities.findByExternalId(externalId).orElse(null);
        // what the undo puts back: the deal and its stage changes before this row
        String before = existing == null || options.importId() == 0 ? null : undo.snapshot(existing.getId());
        if (opened == null) {
            opened = derivedOpening(existing, created, closed, zone);
            note.accept(new RowProblem("derivedOpenedAt", LocalDate.ofInstant(opened, zone)));
        }
        UserSummary owner = owner(v.get("ownerName"), me, options);
        String reason = reason(stage, v.get("reason"));
        // checked before anything of the row is written; a new deal must have every required field
        String values;
        try {
            values = customFields.write(
                    RecordKind.OPPORTUNITY,
                    existing == null ? "{}" : existing.getCustomFields(),
                    customFields.fromRow(v),
                    existing == null);
        } catch (org.pipelinecrm.shared.InvalidInputException e) {
            throw RowProblem.customField(e, v);
        }
        Long accountId = v.get("accountName") == null
                ? null
                : accounts.findOrCreateByName(text(v.get("accountName"), 200, "accountName"))
                        .id();
        LocalDate expected = v.get("expectedCloseDate") != null
                ? LocalDate.ofInstant(
                        ImportDates.parse(v.get("expectedCloseDate"), "expectedCloseDate", zone, order), zone)
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
        deal.recordHistory(
                stage, opened, closed, reason, externalId, me.id(), Instant.now(), options.derivesStageChanges());
        opportunities.saveAndFlush(deal);
        ledger.record(
                options.importId(),
                List.of(new ImportLedger.Entry(deal.getId(), existing == null, before, deal.getVersion())));
        return existing != null;
    }

    /**
     * Deletes the deals the import created and puts back those it updated (their values and stage history
     * before); a deal changed since is left alone. The day rollups are counted again once all is undone.
     */
    @Override
    public UndoResult undo(List<ImportLedger.Entry> entries) {
        return undo.undoDeals(entries);
    }

    @Override
    public void undone() {
        undo.recountDays();
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

    /** The earliest date the deal is known by, else the start of the import's day. */
    private Instant derivedOpening(Opportunity existing, Instant created, Instant closed, ZoneId zone) {
        Instant earliest = existing == null ? null : history.firstChange(existing.getId());
        for (Instant known : new Instant[] {created, closed}) {
            if (known != null && (earliest == null || known.isBefore(earliest))) {
                earliest = known;
            }
        }
        return earliest != null
                ? earliest
                : LocalDate.now(zone).atStartOfDay(zone).toInstant();
    }

    /**
     * The person a row names (by name or e-mail); a name nobody has follows the importer's choice: a former rep
     * created for it, the deals given to a chosen person, or the row refused.
     */
    private UserSummary owner(String name, CrmUser me, ImportOptions options) {
        if (name == null) {
            return people.user(me.id());
        }
        var known = people.users().stream().filter(u -> named(u, name)).findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        ImportOptions.OwnerChoice choice = options.ownerChoice(name);
        return switch (choice.policy()) {
            case ImportOptions.CREATE_INACTIVE -> people.createFormer(name.trim());
            case ImportOptions.ASSIGN_TO -> people.user(choice.personId());
            default -> throw new RowProblem("noOwnerNamed", name);
        };
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
            BigDecimal amount = Digits.number(s);
            if (amount == null) {
                return BigDecimal.ZERO;
            }
            if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 16) {
                throw new RowProblem("badAmount", s);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new RowProblem("notNumber", "amount", s);
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
