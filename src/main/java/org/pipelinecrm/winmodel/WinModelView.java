package org.pipelinecrm.winmodel;

import java.time.Instant;
import java.util.List;

/**
 * The workspace's win model as the API and the model page show it. {@code auc}, {@code brier} and
 * {@code calibration} come from the backtest (trained on the older 75 % of closed deals by close date, tested on
 * the newest 25 %); {@code stageAuc} and {@code stageBrier} are the same figures for the stage probability on the
 * same deals. {@code usable} is true when open deals are scored by the model.
 */
public record WinModelView(
        Status status,
        Instant requestedAt,
        Instant trainedAt,
        int closedDeals,
        int testedDeals,
        int minimumClosedDeals,
        Double auc,
        Double brier,
        Double stageAuc,
        Double stageBrier,
        List<Decile> calibration,
        Long trainingMillis,
        boolean usable) {

    public enum Status {
        NEVER_TRAINED,
        QUEUED,
        TRAINING,
        TRAINED,
        TOO_LITTLE_HISTORY,
        FAILED
    }

    /** One decile of the tested deals by predicted probability: how many, mean predicted and actual win rate. */
    public record Decile(int decile, int deals, double predicted, double actual) {}

    public boolean busy() {
        return status == Status.QUEUED || status == Status.TRAINING;
    }
}
