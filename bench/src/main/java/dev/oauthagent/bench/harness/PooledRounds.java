package dev.oauthagent.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every round (a fresh set of {@link LiveChildren}) of one measurement, pooled: the batch sets of all rounds,
 * each round's median ratios (a JVM can run fast or slow for its whole life, which only shows between rounds)
 * and how the rounds warmed up.
 */
final class PooledRounds {
    private final List<JvmVariant> variants;
    private final BatchFigures pooled;
    private final List<List<Double>> roundRatios = new ArrayList<>();
    private final List<Double> warmUpCounts = new ArrayList<>();
    private final List<List<Double>> warmUpCpu = new ArrayList<>();
    private int notSteady;

    PooledRounds(List<JvmVariant> variants) {
        this.variants = variants;
        this.pooled = new BatchFigures(variants.size());
        for (int i = 0; i < variants.size(); i++) {
            roundRatios.add(new ArrayList<>());
            warmUpCpu.add(new ArrayList<>());
        }
    }

    void add(BatchFigures round, WarmUp warmUp) {
        pooled.addAll(round);
        warmUpCounts.add((double) warmUp.count());
        for (int side = 0; side < variants.size(); side++) {
            roundRatios.get(side).add(round.rateRatio(side).median());
            warmUpCpu.get(side).add(warmUp.cpuSeconds()[side]);
        }
        if (!warmUp.steady()) {
            notSteady++;
        }
    }

    BatchFigures pooled() {
        return pooled;
    }

    /** Each round's median throughput ratio of {@code side} to the baseline, e.g. "0.981, 0.950, 1.002". */
    String roundMedians(int side) {
        List<String> parts = new ArrayList<>();
        for (double value : roundRatios.get(side)) {
            parts.add(String.format(Locale.ROOT, "%.3f", value));
        }
        return String.join(", ", parts);
    }

    /** e.g. "warm-up to a quiet JIT: median 130000 requests each (0 of 3 rounds hit the cap); process CPU ...". */
    String describeWarmUp(String unit) {
        List<String> cpu = new ArrayList<>();
        for (int side = 0; side < variants.size(); side++) {
            cpu.add(String.format(Locale.ROOT, "%s %.1f s", variants.get(side).name(), Median.of(warmUpCpu.get(side))));
        }
        return String.format(Locale.ROOT, "warm-up to a quiet JIT: median %.0f %s each (%d of %d rounds hit the cap);"
                + " process CPU spent warming up, median: %s", Median.of(warmUpCounts), unit, notSteady,
                warmUpCounts.size(), String.join(", ", cpu));
    }
}
