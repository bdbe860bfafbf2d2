package org.pipelinecrm.pipeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pipelines and stages of the current workspace, and its lists of win and loss reasons. */
@Service
@Transactional(readOnly = true)
public class Pipelines {

    private final PipelineRepository pipelines;
    private final StageRepository stages;
    private final CloseReasons reasons;
    private final StageDeals deals;
    private final People people;

    Pipelines(
            PipelineRepository pipelines,
            StageRepository stages,
            CloseReasons reasons,
            StageDeals deals,
            People people) {
        this.pipelines = pipelines;
        this.stages = stages;
        this.reasons = reasons;
        this.deals = deals;
        this.people = people;
    }

    /** The pipelines the current person works with: team-limited ones only for that team (and admins). */
    public List<PipelineView> visible() {
        CrmUser me = CurrentUser.get();
        Map<Long, List<StageView>> byPipeline = new java.util.HashMap<>();
        stages.findAllByOrderByPipelineIdAscPositionAsc()
                .forEach(s -> byPipeline
                        .computeIfAbsent(s.toView().pipelineId(), k -> new ArrayList<>())
                        .add(s.toView()));
        return pipelines.findAllByOrderByIdAsc().stream()
                .filter(Pipelines::visibleToMe)
                .map(p -> p.toView(byPipeline.getOrDefault(p.getId(), List.of())))
                .toList();
    }

    /** A pipeline the current person may work with; one limited to another team looks missing. */
    public PipelineView pipeline(long id) {
        Pipeline pipeline = pipelines
                .findById(id)
                .filter(Pipelines::visibleToMe)
                .orElseThrow(() -> new NotFoundException("Pipeline", id));
        return pipeline.toView(stagesOf(id));
    }

    private static boolean visibleToMe(Pipeline p) {
        CrmUser me = CurrentUser.get();
        return me.is(Role.ADMIN) || p.getTeamId() == null || p.getTeamId().equals(me.teamId());
    }

    public StageView stage(long id) {
        return stages.findById(id).map(Stage::toView).orElseThrow(() -> new NotFoundException("Stage", id));
    }

    public Optional<StageView> findStage(long id) {
        return stages.findById(id).map(Stage::toView);
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PipelineView create(PipelineCmd cmd) {
        if (cmd.teamId() != null) {
            people.team(cmd.teamId());
        }
        return createPipeline(cmd);
    }

    /** Renames the pipeline and sets or lifts its team limit, guarded by the version the editor saw. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PipelineView change(long id, ChangeCmd cmd) {
        Pipeline pipeline = pipelines.findById(id).orElseThrow(() -> new NotFoundException("Pipeline", id));
        if (pipeline.getVersion() != cmd.version()) {
            throw new ObjectOptimisticLockingFailureException(Pipeline.class, id);
        }
        if (cmd.teamId() != null) {
            people.team(cmd.teamId());
        }
        pipeline.change(cmd.name(), cmd.teamId());
        pipelines.flush();
        return pipeline.toView(stagesOf(id));
    }

    /** How many deals sit in a stage of the pipeline: a stage with deals cannot be deleted until they move. */
    public long dealsIn(long pipelineId, long stageId) {
        return stageOf(pipeline(pipelineId), stageId)
                .map(s -> deals.countIn(s.id()))
                .orElseThrow(() -> new NotFoundException("Stage", stageId));
    }

    /**
     * Moves the deals of a stage into another stage of the same kind in the same pipeline, then deletes the
     * emptied stage — one transaction, so no deal is ever left pointing nowhere.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PipelineView moveDealsAndDeleteStage(long pipelineId, long stageId, long targetStageId) {
        PipelineView pipeline = pipeline(pipelineId);
        StageView from = stageOf(pipeline, stageId).orElseThrow(() -> new NotFoundException("Stage", stageId));
        StageView to =
                stageOf(pipeline, targetStageId).orElseThrow(() -> new NotFoundException("Stage", targetStageId));
        if (from.id() == to.id() || from.kind() != to.kind()) {
            throw new ConflictException("stage.badTarget", "Move the deals into another stage of the same kind");
        }
        deals.moveAll(from, to);
        return deleteStage(pipelineId, stageId);
    }

    private static Optional<StageView> stageOf(PipelineView pipeline, long stageId) {
        return pipeline.stages().stream().filter(s -> s.id() == stageId).findFirst();
    }

    /**
     * Replaces the stages of a pipeline with the given list, in that order: listed ids are changed,
     * new entries added, missing ones deleted — which the database refuses while a deal sits there.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PipelineView replaceStages(long pipelineId, Long expectedVersion, List<StageCmd> wanted) {
        checkStages(wanted);
        Pipeline pipeline =
                pipelines.findLockedById(pipelineId).orElseThrow(() -> new NotFoundException("Pipeline", pipelineId));
        if (expectedVersion != null && expectedVersion != pipeline.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(Pipeline.class, pipelineId);
        }
        List<Stage> existing = stages.findAllByPipelineIdOrderByPositionAsc(pipelineId);
        Set<Long> kept = new HashSet<>();
        List<Stage> changedCategories = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            StageCmd cmd = wanted.get(i);
            if (cmd.id() == null) {
                stages.save(new Stage(pipelineId, i, cmd));
                continue;
            }
            Stage stage = existing.stream()
                    .filter(s -> s.getId().equals(cmd.id()))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("Stage", cmd.id()));
            stage.change(i, cmd);
            kept.add(cmd.id());
            changedCategories.add(stage);
        }
        try {
            existing.stream().filter(s -> !kept.contains(s.getId())).forEach(stages::delete);
            stages.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(
                    "stage.hasDeals", "A stage that still holds deals cannot be deleted; move its deals first");
        }
        // deals that follow their stage's forecast category follow its new one
        changedCategories.forEach(s -> deals.followCategory(s.toView()));
        return pipeline.toView(stagesOf(pipelineId));
    }

    /** Deletes one stage; the database refuses while deals sit there (409: move them first). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public PipelineView deleteStage(long pipelineId, long stageId) {
        PipelineView pipeline = pipeline(pipelineId);
        List<StageCmd> rest = pipeline.stages().stream()
                .filter(s -> s.id() != stageId)
                .map(s -> new StageCmd(
                        s.id(),
                        s.name(),
                        s.kind(),
                        s.probability(),
                        s.rottingDays(),
                        s.exitCriteria(),
                        s.forecastCategory()))
                .toList();
        if (rest.size() == pipeline.stages().size()) {
            throw new NotFoundException("Stage", stageId);
        }
        return replaceStages(pipelineId, null, rest);
    }

    /** The reasons a person may pick when closing a deal now (active ones). */
    public List<CloseReasonView> reasons(StageKind outcome) {
        return reasons.active(outcome);
    }

    /** The active listed reason a caller meant, by its code or its label, ignoring case. */
    public Optional<CloseReasonView> reason(StageKind outcome, String codeOrLabel) {
        return reasons.find(outcome, codeOrLabel);
    }

    PipelineView createPipeline(PipelineCmd cmd) {
        checkStages(cmd.stages());
        Pipeline pipeline = pipelines.save(new Pipeline(cmd.name(), cmd.teamId()));
        for (int i = 0; i < cmd.stages().size(); i++) {
            stages.save(new Stage(pipeline.getId(), i, cmd.stages().get(i)));
        }
        stages.flush();
        return pipeline.toView(stagesOf(pipeline.getId()));
    }

    void addReason(StageKind outcome, String code, String label, int position) {
        reasons.addStandard(outcome, code, label, position);
    }

    private List<StageView> stagesOf(long pipelineId) {
        return stages.findAllByPipelineIdOrderByPositionAsc(pipelineId).stream()
                .map(Stage::toView)
                .toList();
    }

    private static void checkStages(List<StageCmd> stages) {
        if (stages.stream().noneMatch(s -> s.kind() == StageKind.OPEN)) {
            throw new ConflictException("pipeline.needsOpenStage", "A pipeline needs at least one open stage");
        }
    }

    public record PipelineCmd(
            @NotBlank @Size(max = 80) String name,
            Long teamId,
            @NotEmpty @Size(max = 30) List<@Valid StageCmd> stages) {}

    public record ChangeCmd(@NotBlank @Size(max = 80) String name, Long teamId, long version) {}

    public record StageCmd(
            Long id,
            @NotBlank @Size(max = 80) String name,
            @NotNull StageKind kind,
            @Min(0) @Max(100) Integer probability,
            @Min(1) @Max(3650) Integer rottingDays,
            @Size(max = 20) List<@Size(max = 200) String> exitCriteria,
            ForecastCategory forecastCategory) {

        /** A stage whose deals count in the forecast by its probability. */
        public StageCmd(
                Long id,
                String name,
                StageKind kind,
                Integer probability,
                Integer rottingDays,
                List<String> exitCriteria) {
            this(id, name, kind, probability, rottingDays, exitCriteria, null);
        }
    }
}
