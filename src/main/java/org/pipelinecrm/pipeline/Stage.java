package org.pipelinecrm.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Arrays;
import java.util.List;
import org.pipelinecrm.shared.TenantOwned;

/** One step of a pipeline. */
@Entity
class Stage extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private Long pipelineId;
    private String name;

    @Enumerated(EnumType.STRING)
    private StageKind kind;

    private int position;
    private int probability;
    private Integer rottingDays;
    private String exitCriteria = "";

    @Enumerated(EnumType.STRING)
    private ForecastCategory forecastCategory = ForecastCategory.PIPELINE;

    protected Stage() {}

    Stage(long pipelineId, int position, Pipelines.StageCmd cmd) {
        this.pipelineId = pipelineId;
        change(position, cmd);
    }

    void change(int position, Pipelines.StageCmd cmd) {
        this.position = position;
        this.name = cmd.name().trim();
        this.kind = cmd.kind();
        this.probability = cmd.probability() != null
                ? cmd.probability()
                : kind == StageKind.WON ? 100 : kind == StageKind.LOST ? 0 : 10;
        this.rottingDays = kind == StageKind.OPEN ? cmd.rottingDays() : null;
        this.forecastCategory = kind != StageKind.OPEN
                ? ForecastCategory.OMITTED
                : cmd.forecastCategory() != null && cmd.forecastCategory().choosable()
                        ? cmd.forecastCategory()
                        : ForecastCategory.byProbability(probability);
        this.exitCriteria = cmd.exitCriteria() == null
                ? ""
                : String.join(
                        "\n",
                        cmd.exitCriteria().stream()
                                .map(String::trim)
                                .filter(s -> !s.isEmpty())
                                .toList());
    }

    Long getId() {
        return id;
    }

    StageView toView() {
        List<String> criteria = exitCriteria.isBlank() ? List.of() : Arrays.asList(exitCriteria.split("\n"));
        return new StageView(
                id, pipelineId, name, kind, position, probability, rottingDays, criteria, forecastCategory);
    }
}
