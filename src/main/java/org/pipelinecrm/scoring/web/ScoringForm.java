package org.pipelinecrm.scoring.web;

import java.util.ArrayList;
import java.util.List;
import org.pipelinecrm.scoring.BehaviourRule;
import org.pipelinecrm.scoring.FitRule;
import org.pipelinecrm.scoring.ScoringRules;

/** The settings page's form: mutable rows, so indexed fields bind; blank rows are dropped on save. */
public class ScoringForm {

    private List<FitRow> fit = new ArrayList<>();
    private List<BehaviourRow> behaviour = new ArrayList<>();
    private int decayPercentPerWeek;
    private int mqlThreshold;
    private int sqlThreshold;
    private long version;

    static ScoringForm of(ScoringRules rules) {
        ScoringForm form = new ScoringForm();
        rules.fitRules().forEach(r -> form.fit.add(new FitRow(r.field(), r.operator(), r.value(), r.points())));
        form.fit.add(new FitRow());
        rules.behaviourRules().forEach(r -> form.behaviour.add(new BehaviourRow(r.eventType(), r.points())));
        form.behaviour.add(new BehaviourRow());
        form.decayPercentPerWeek = rules.decayPercentPerWeek();
        form.mqlThreshold = rules.mqlThreshold();
        form.sqlThreshold = rules.sqlThreshold();
        form.version = rules.version();
        return form;
    }

    ScoringRules toRules() {
        return new ScoringRules(
                fit.stream()
                        .filter(r -> r.field != null && !r.field.isBlank() && r.operator != null)
                        .map(r -> new FitRule(r.field, r.operator, r.value == null ? "" : r.value, r.points))
                        .toList(),
                behaviour.stream()
                        .filter(r -> r.eventType != null && !r.eventType.isBlank())
                        .map(r -> new BehaviourRule(r.eventType.trim().toUpperCase(), r.points))
                        .toList(),
                decayPercentPerWeek,
                mqlThreshold,
                sqlThreshold,
                version);
    }

    public static class FitRow {
        private String field;
        private FitRule.Operator operator;
        private String value;
        private int points;

        public FitRow() {}

        FitRow(String field, FitRule.Operator operator, String value, int points) {
            this.field = field;
            this.operator = operator;
            this.value = value;
            this.points = points;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public FitRule.Operator getOperator() {
            return operator;
        }

        public void setOperator(FitRule.Operator operator) {
            this.operator = operator;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public int getPoints() {
            return points;
        }

        public void setPoints(int points) {
            this.points = points;
        }
    }

    public static class BehaviourRow {
        private String eventType;
        private int points;

        public BehaviourRow() {}

        BehaviourRow(String eventType, int points) {
            this.eventType = eventType;
            this.points = points;
        }

        public String getEventType() {
            return eventType;
        }

        public void setEventType(String eventType) {
            this.eventType = eventType;
        }

        public int getPoints() {
            return points;
        }

        public void setPoints(int points) {
            this.points = points;
        }
    }

    public List<FitRow> getFit() {
        return fit;
    }

    public void setFit(List<FitRow> fit) {
        this.fit = fit;
    }

    public List<BehaviourRow> getBehaviour() {
        return behaviour;
    }

    public void setBehaviour(List<BehaviourRow> behaviour) {
        this.behaviour = behaviour;
    }

    public int getDecayPercentPerWeek() {
        return decayPercentPerWeek;
    }

    public void setDecayPercentPerWeek(int v) {
        this.decayPercentPerWeek = v;
    }

    public int getMqlThreshold() {
        return mqlThreshold;
    }

    public void setMqlThreshold(int v) {
        this.mqlThreshold = v;
    }

    public int getSqlThreshold() {
        return sqlThreshold;
    }

    public void setSqlThreshold(int v) {
        this.sqlThreshold = v;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
