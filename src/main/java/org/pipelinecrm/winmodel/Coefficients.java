package org.pipelinecrm.winmodel;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained model as stored: a logistic regression over the features (numbers scaled by their training mean and
 * spread), the mean contribution of each factor over the training deals (its baseline for the points), and the
 * usual days per stage the time-in-stage feature compares with. Scoring is a dot product.
 */
record Coefficients(
        double intercept,
        Map<String, Double> weights,
        Map<String, double[]> scaling,
        Map<String, Double> groupMeans,
        Map<Long, Double> usualDays) {

    /** The probability and each factor's contribution to the log-odds (centred on its training mean). */
    record Scored(double probability, double logit, Map<String, Double> contributions) {

        /** Percentage points this factor adds: the probability minus the probability with it at its average. */
        double points(String group) {
            double c = contributions.getOrDefault(group, 0.0);
            return 100 * (probability - sigmoid(logit - c));
        }
    }

    double scaled(String feature, double value) {
        double[] s = scaling.get(feature);
        return s == null ? value : (value - s[0]) / s[1];
    }

    /** Raw (uncentred) contribution of each factor: the sum of weight × value over its features. */
    Map<String, Double> raw(Map<String, Double> features) {
        Map<String, Double> byGroup = new HashMap<>();
        features.forEach((name, value) -> {
            Double w = weights.get(name);
            if (w != null) {
                byGroup.merge(Features.group(name), w * scaled(name, value), Double::sum);
            }
        });
        return byGroup;
    }

    Scored score(Map<String, Double> features) {
        Map<String, Double> raw = raw(features);
        double logit = intercept;
        Map<String, Double> centred = new LinkedHashMap<>();
        for (var e : groupMeans.entrySet()) {
            double c = raw.getOrDefault(e.getKey(), 0.0) - e.getValue();
            centred.put(e.getKey(), c);
        }
        for (double c : raw.values()) {
            logit += c;
        }
        return new Scored(sigmoid(logit), logit, centred);
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
