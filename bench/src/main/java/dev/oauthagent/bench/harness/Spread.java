package dev.oauthagent.bench.harness;

import java.util.List;
import java.util.Locale;

/** Median and spread of a set of figures: on a shared 2-core host the spread is part of the result. */
record Spread(int count, double min, double p25, double median, double p75, double max) {

    static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Spread(sorted.length, sorted[0], quantile(sorted, 0.25), Median.of(values), quantile(sorted, 0.75),
                sorted[sorted.length - 1]);
    }

    /** Linear interpolation between the closest ranks. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /** e.g. "0.981 (quartiles 0.962-0.995, range 0.901-1.040, n=30)". */
    String describe(String format) {
        return String.format(Locale.ROOT, format + " (quartiles " + format + "-" + format + ", range " + format + "-"
                + format + ", n=%d)", median, p25, p75, min, max, count);
    }
}
