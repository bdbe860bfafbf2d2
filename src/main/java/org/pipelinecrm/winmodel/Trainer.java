package org.pipelinecrm.winmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits the logistic regression with Tribuo and backtests it: trained on the older closed deals (by close date),
 * tested on the newest quarter, against the stage probability on the same deals; the stored model is then fitted
 * on every closed deal.
 */
final class Trainer {

    static final int MINIMUM_CLOSED_DEALS = 40;
    static final double TEST_SHARE = 0.25;
    private static final int EPOCHS = 12;
    /** The least spread a number is scaled by (numbers are mostly logarithms: 0.1 is a tenth of an e-fold). */
    static final double MINIMUM_SPREAD = 0.1;

    private static final Label WON = new Label("WON");
    private static final Label LOST = new Label("LOST");

    private Trainer() {}

    /** One closed deal as the trainer sees it: its features, whether it was won, and its stage probability. */
    record Observation(Map<String, Double> features, boolean won, double stageProbability) {}

    record Backtest(
            int tested,
            double auc,
            double brier,
            double stageAuc,
            double stageBrier,
            List<WinModelView.Decile> calibration) {}

    record Result(Coefficients model, Backtest backtest) {}

    /** Observations ordered by close date, oldest first. */
    static Result train(List<Observation> closed, Map<Long, Double> usualDays) {
        int tested = Math.max(1, (int) Math.round(closed.size() * TEST_SHARE));
        List<Observation> older = closed.subList(0, closed.size() - tested);
        List<Observation> newer = closed.subList(closed.size() - tested, closed.size());
        Coefficients trial = fit(older, usualDays);
        double[] predicted = new double[newer.size()];
        double[] stage = new double[newer.size()];
        boolean[] won = new boolean[newer.size()];
        for (int i = 0; i < newer.size(); i++) {
            predicted[i] = trial.score(newer.get(i).features()).probability();
            stage[i] = newer.get(i).stageProbability();
            won[i] = newer.get(i).won();
        }
        Backtest backtest = new Backtest(
                newer.size(),
                auc(predicted, won),
                brier(predicted, won),
                auc(stage, won),
                brier(stage, won),
                calibration(predicted, won));
        return new Result(fit(closed, usualDays), backtest);
    }

    static boolean enough(List<Observation> closed) {
        long won = closed.stream().filter(Observation::won).count();
        return closed.size() >= MINIMUM_CLOSED_DEALS && won >= 2 && closed.size() - won >= 2;
    }

    static Coefficients fit(List<Observation> rows, Map<Long, Double> usualDays) {
        Map<String, double[]> scaling = scaling(rows);
        var provenance = new SimpleDataSourceProvenance("closed deals", new LabelFactory());
        MutableDataset<Label> data = new MutableDataset<>(provenance, new LabelFactory());
        for (Observation o : rows) {
            String[] names = o.features().keySet().toArray(String[]::new);
            double[] values = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                double[] s = scaling.get(names[i]);
                double v = o.features().get(names[i]);
                values[i] = s == null ? v : (v - s[0]) / s[1];
            }
            data.add(new ArrayExample<>(o.won() ? WON : LOST, names, values));
        }
        var trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, -1, 1, 7L);
        LinearSGDModel model = (LinearSGDModel) trainer.train(data);
        DenseMatrix w = model.getWeightsCopy();
        int won = model.getOutputIDInfo().getID(WON);
        int lost = model.getOutputIDInfo().getID(LOST);
        ImmutableFeatureMap features = model.getFeatureIDMap();
        Map<String, Double> weights = new HashMap<>();
        for (VariableInfo info : features) {
            int id = features.getID(info.getName());
            weights.put(info.getName(), w.get(won, id) - w.get(lost, id));
        }
        int bias = w.getDimension2Size() - 1;
        double intercept = w.get(won, bias) - w.get(lost, bias);
        Coefficients unanchored = new Coefficients(intercept, weights, scaling, Map.of(), usualDays);
        Map<String, Double> groupMeans = new HashMap<>();
        for (Observation o : rows) {
            unanchored.raw(o.features()).forEach((g, c) -> groupMeans.merge(g, c / rows.size(), Double::sum));
        }
        for (String name : weights.keySet()) {
            groupMeans.putIfAbsent(Features.group(name), 0.0);
        }
        return new Coefficients(intercept, weights, scaling, groupMeans, usualDays);
    }

    /** Mean and spread of each number over the rows that have it (a missing number counts as average). */
    private static Map<String, double[]> scaling(List<Observation> rows) {
        Map<String, double[]> sums = new HashMap<>();
        for (Observation o : rows) {
            o.features().forEach((name, v) -> {
                if (Features.numeric(name)) {
                    double[] s = sums.computeIfAbsent(name, k -> new double[3]);
                    s[0]++;
                    s[1] += v;
                    s[2] += v * v;
                }
            });
        }
        Map<String, double[]> scaling = new HashMap<>();
        sums.forEach((name, s) -> {
            double mean = s[1] / s[0];
            double variance = Math.max(0, s[2] / s[0] - mean * mean);
            // a spread below MINIMUM_SPREAD is treated as that: deals made within seconds of each other (ages of a
            // few milliseconds) would otherwise make a few minutes of an open deal's age look like hundreds of
            // spreads and saturate its probability at 0 or 100 %
            scaling.put(name, new double[] {mean, Math.max(MINIMUM_SPREAD, Math.sqrt(variance))});
        });
        return scaling;
    }

    /** Area under the ROC curve: the chance a won deal scores above a lost one (ties count half). */
    static double auc(double[] score, boolean[] won) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumWon = 0;
        long wins = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (won[order[k]]) {
                    rankSumWon += rank;
                    wins++;
                }
            }
            i = j + 1;
        }
        long losses = score.length - wins;
        if (wins == 0 || losses == 0) {
            return Double.NaN;
        }
        return (rankSumWon - wins * (wins + 1) / 2.0) / ((double) wins * losses);
    }

    /** Mean squared difference between the probability and the outcome (0 perfect, 0.25 a coin). */
    static double brier(double[] p, boolean[] won) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - (won[i] ? 1 : 0);
            sum += d * d;
        }
        return p.length == 0 ? Double.NaN : sum / p.length;
    }

    /** The tested deals in ten equal groups by predicted probability: mean predicted and actual win rate. */
    static List<WinModelView.Decile> calibration(double[] p, boolean[] won) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        List<WinModelView.Decile> deciles = new ArrayList<>();
        int groups = Math.min(10, p.length);
        for (int g = 0; g < groups; g++) {
            int from = g * p.length / groups;
            int to = (g + 1) * p.length / groups;
            double predicted = 0;
            double actual = 0;
            for (int k = from; k < to; k++) {
                predicted += p[order[k]];
                actual += won[order[k]] ? 1 : 0;
            }
            int n = to - from;
            deciles.add(new WinModelView.Decile(g + 1, n, predicted / n, actual / n));
        }
        return deciles;
    }

    static Instant now() {
        return Instant.now();
    }
}
