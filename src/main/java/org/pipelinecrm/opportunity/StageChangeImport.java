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
import org.pipelinecrm.importing.ImportOptions;
import org.pipelinecrm.importing.ImportTarget;
import org.pipelinecrm.importing.RowProblem;
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
 * importing the file again changes nothing; a change before the last one recorded for the deal cannot be placed
 * without rewriting figures already kept and is reported, as are changes of deals the workspace does not have.
 */
@Component
class StageChangeImport implements ImportTarget {

    private final OpportunityRepository opportunities;
    private final StageChangeRepository changes;
    private final Pipelines pipelines;
    private final People people;
    private final Workspaces workspaces;

    StageChangeImport(
            OpportunityRepository opportunities,
            StageChangeRepository changes,
            Pipelines pipelines,
            People people,
            Workspaces workspaces) {
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
        StageChange last = recorded.isEmpty() ? null : recorded.get(recorded.size() - 1);
        if (last != null && entered.isBefore(last.getChangedAt())) {
            throw new RowProblem(
                    "stageChangeBefore", ImportDates.day(entered, zone), ImportDates.day(last.getChangedAt(), zone));
        }
        deal.recordImportedChange(
                last == null ? null : last.getToStageId(), stage, by(v.get("changedBy"), me), entered);
        opportunities.saveAndFlush(deal);
        return false;
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
