package org.pipelinecrm.pipeline.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pipelinecrm.pipeline.ForecastCategory;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;

/**
 * The stage editor: every stage of the pipeline in the order of the page (which dragging changes), plus one
 * empty row for a new stage, saved as a whole.
 */
class StagesForm {

    private long version;
    private List<@Valid Row> stages = new ArrayList<>();

    static StagesForm of(PipelineView pipeline) {
        StagesForm form = new StagesForm();
        form.version = pipeline.version();
        for (StageView s : pipeline.stages()) {
            form.stages.add(new Row(
                    s.id(),
                    s.name(),
                    s.kind(),
                    s.probability(),
                    s.rottingDays(),
                    String.join("\n", s.exitCriteria()),
                    s.forecastCategory()));
        }
        form.stages.add(new Row(null, "", StageKind.OPEN, null, null, "", null));
        return form;
    }

    /** The rows as stage commands; a new row left without a name is no stage. */
    List<Pipelines.StageCmd> commands() {
        return stages.stream()
                .filter(r -> r.getId() != null
                        || (r.getName() != null && !r.getName().isBlank()))
                .map(r -> new Pipelines.StageCmd(
                        r.getId(),
                        r.getName() == null ? "" : r.getName(),
                        r.getKind(),
                        r.getProbability(),
                        r.getRottingDays(),
                        r.criteria(),
                        r.getForecastCategory()))
                .toList();
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public List<Row> getStages() {
        return stages;
    }

    public void setStages(List<Row> stages) {
        this.stages = stages;
    }

    /** One stage row. Mutable for binding: the page posts rows by index. */
    public static class Row {

        private Long id;

        @Size(max = 80)
        private String name;

        @NotNull
        private StageKind kind = StageKind.OPEN;

        @Min(0)
        @Max(100)
        private Integer probability;

        @Min(1)
        @Max(3650)
        private Integer rottingDays;

        @Size(max = 4000)
        private String exitCriteria = "";

        // none chosen: by the stage's probability
        private ForecastCategory forecastCategory;

        public Row() {}

        Row(
                Long id,
                String name,
                StageKind kind,
                Integer probability,
                Integer rottingDays,
                String exitCriteria,
                ForecastCategory forecastCategory) {
            this.forecastCategory = forecastCategory;
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.probability = probability;
            this.rottingDays = rottingDays;
            this.exitCriteria = exitCriteria;
        }

        List<String> criteria() {
            return exitCriteria == null
                    ? List.of()
                    : Arrays.stream(exitCriteria.split("\\R"))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public StageKind getKind() {
            return kind;
        }

        public void setKind(StageKind kind) {
            this.kind = kind;
        }

        public Integer getProbability() {
            return probability;
        }

        public void setProbability(Integer probability) {
            this.probability = probability;
        }

        public Integer getRottingDays() {
            return rottingDays;
        }

        public void setRottingDays(Integer rottingDays) {
            this.rottingDays = rottingDays;
        }

        public String getExitCriteria() {
            return exitCriteria;
        }

        public void setExitCriteria(String exitCriteria) {
            this.exitCriteria = exitCriteria;
        }

        public ForecastCategory getForecastCategory() {
            return forecastCategory;
        }

        public void setForecastCategory(ForecastCategory forecastCategory) {
            this.forecastCategory = forecastCategory;
        }
    }
}
