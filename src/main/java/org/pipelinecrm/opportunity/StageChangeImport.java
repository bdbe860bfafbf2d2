package org.pipelinecrm.opportunity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.importing.ImportDates;
import org.pipelinecrm.importing.ImportLedger;
import org.pipelinecrm.importing.ImportOptions;
import org.pipelinecrm.importing.RowProblem;
import org.pipelinecrm.importing.UndoableImportTarget;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The stage history of imported deals ({@code entity=stage_changes}): each row is one stage a deal (by its
 * external id) entered, when, and optionally when it left and who moved it. Changes are written as the deal's
 * normal stage changes, in the order the deal lived them, so the stage rollups (time in stage, conversion) are
 * computed as for a deal moved by hand. A change already recorded (same stage, same moment) is left as it is, so
 * importing the file again changes nothing. A change earlier than some the deal has is placed in order: the
 * change after it now comes from its stage, and the day rollups are counted again at the end of the file. A
 * change before the deal opened, or one into the stage the deal is already in at that moment, is reported, as are
 * changes of deals the workspace does not have.
 */
@Component
class StageChangeImport implements UndoableImportTarget {

    private final OpportunityRepository opportunities;
    private final StageChangeRepository changes;
    private final Pipelines pipelines;
    private final People people;
    private final Workspaces workspaces;
    private final ImportLedger ledger;
    private final DealImportUndo undo;

    StageChangeImport(
            OpportunityRepository opportunities,
            StageChangeRepository changes,
            Pipelines pipelines,
            People people,
            Workspaces workspaces,
            ImportLedger ledger,
            DealImportUndo undo) {
        this.ledger = ledger;
        this.undo = undo;
        this.opportunities = opportunities;
        this.changes = changes;
        this.pipelines = pipelines;
        this.people = people;
        this.workspaces = workspaces;
    }

    @Override
    public String entity() {
        return "stage_changes";
    }

    @Override
    public List<String> fields() {
        return List.of("dealExternalId", "stage", "enteredAt", "leftAt", "changedBy");
    }

    @Override
    public List<String> requiredFields() {
        return List.of("dealExternalId", "stage", "enteredAt");
    }

    @Override
    public Map<String, List<String>> synonyms() {
        return Map.of(
                "dealExternalId",
                List.of("Deal ID", "Deal", "Opportunity ID", "External ID", "externalId", "شناسه معامله"),
                "stage",
                List.of("Stage Name", "To Stage", "New Stage", "مرحله"),
                "enteredAt",
                List.of("Entered", "Entered On", "Changed At", "Moved At", "Date", "تاریخ ورود"),
                "leftAt",
                List.of("Left", "Left On", "Exited At", "تاریخ خروج"),
                "changedBy",
                List.of("By", "Changed By", "Moved By", "User", "توسط"));
    }

    @Override
    public boolean importRow(Map<String, String> v) {
        return importRow(v, ImportOptions.none(), note -> {});
    }

    @Override
    public boolean importRow(Map<String, String> v, ImportOptions options, Consumer<RowProblem> note) {
        CrmUser me = CurrentUser.get();
        if (!me.seesWholeWorkspace()) {
            throw new AccessDeniedException("Only managers import a pipeline's history");
        }
        String externalId =
                v.get("dealExternalId") == null ? null : v.get("dealExternalId").trim();
        if (externalId == null) {
            throw new RowProblem("fieldNeeded", "dealExternalId");
        }
        Opportunity deal =
                opportunities.findByExternalId(externalId).orElseThrow(() -> new RowProblem("unknownDeal", externalId));
        OpportunityView view = deal.toView(null, null);
        PipelineView pipeline = pipelines.pipeline(view.pipelineId());
        String name = v.get("stage");
        if (name == null) {
            throw new RowProblem("stageNeeded");
        }
        StageView stage = pipeline.stages().stream()
                .filter(s -> s.name().trim().equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new RowProblem("noStageNamed", name, pipeline.name()));
        ZoneId zone = workspaces.current().timeZone();
        Instant entered = ImportDates.parse(v.get("enteredAt"), "enteredAt", zone, options.dateOrder());
        if (entered == null) {
            throw new RowProblem("fieldNeeded", "enteredAt");
        }
        Instant left = ImportDates.parse(v.get("leftAt"), "leftAt", zone, options.dateOrder());
        if (left != null && left.isBefore(entered)) {
            throw new RowProblem("stageChangeOrder");
        }
        List<StageChange> recorded = changes.findAllByOpportunityIdOrderByChangedAtAscIdAsc(deal.getId());
        boolean known = recorded.stream()
                .anyMatch(
                        c -> c.getToStageId() == stage.id() && c.getChangedAt().equals(entered));
        if (known) {
            return true; // imported before: nothing to write
        }
        if (entered.isBefore(deal.getOpenedAt())) {
            throw new RowProblem(
                    "stageChangeBeforeOpened",
                    ImportDates.day(entered, zone),
                    ImportDates.day(deal.getOpenedAt(), zone));
        }
        // its place in the deal's history: after the changes up to its moment, before those after it
        StageChange previous = null;
        StageChange next = null;
        for (StageChange c : recorded) {
            if (!c.getChangedAt().isAfter(entered)) {
                previous = c;
            } else if (next == null) {
                next = c;
            }
        }
        if (next != null && stage.id() == (previous == null ? -1 : previous.getToStageId())) {
            throw new RowProblem("stageChangeSameStage", ImportDates.day(entered, zone), name);
        }
        if (next != null && next.getToStageId() == stage.id()) {
            throw new RowProblem("stageChangeSameStage", ImportDates.day(entered, zone), name);
        }
        deal.recordImportedChange(
                previous == null ? null : previous.getToStageId(), stage, by(v.get("changedBy"), me), entered);
        if (next != null) {
            next.cameFrom(stage.id()); // the change after it now leaves the stage it brings in
            changes.save(next);
        }
        opportunities.saveAndFlush(deal);
        if (next != null) {
            // placed before later changes: when the deal entered its present stage follows from its history
            undo.stageEnteredAgain(List.of(deal.getId()));
        }
        StageChange written = changes.findAllByOpportunityIdOrderByChangedAtAscIdAsc(deal.getId()).stream()
                .filter(c -> c.getToStageId() == stage.id() && c.getChangedAt().equals(entered))
                .findFirst()
                .orElseThrow();
        ledger.record(
                options.importId(),
                List.of(new ImportLedger.Entry(
                        written.getId(), true, String.valueOf(deal.getId()), deal.getVersion())));
        return false;
    }

    /**
     * A change placed before later ones made their recorded exits (time spent in the stage before them) wrong,
     * and those cannot be subtracted: the workspace's day rollups are counted again once the file is in.
     */
    @Override
    public void imported() {
        undo.recountDays();
    }

    /**
     * Deletes the stage changes the import added; those of a deal someone changed since are left alone. The day
     * rollups are counted again once all is undone.
     */
    @Override
    public UndoResult undo(List<ImportLedger.Entry> entries) {
        return undo.undoStageChanges(entries);
    }

    @Override
    public void undone() {
        undo.recountDays();
    }

    /** Who moved the deal: a person of the workspace by name or e-mail, else the importer. */
    private long by(String name, CrmUser me) {
        if (name == null) {
            return me.id();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return people.users().stream()
                .filter(u -> u.name().trim().toLowerCase(Locale.ROOT).equals(wanted)
                        || u.email().equalsIgnoreCase(wanted))
                .map(UserSummary::id)
                .findFirst()
                .orElse(me.id());
    }
}
