package dev.oauthagent.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Timed batch sets of {@link LiveChildren}, per side (index as the variants; side 0 the no-agent baseline).
 * Each set gives every other side one ratio to the baseline measured under the same machine load: that ratio,
 * not a comparison of medians taken at different moments, is the figure a shared host can resolve.
 */
final class BatchFigures {
    private final List<Side> sides = new ArrayList<>();

    BatchFigures(int sideCount) {
        for (int i = 0; i < sideCount; i++) {
            sides.add(new Side());
        }
    }

    void add(Batch[] set) {
        for (int i = 0; i < sides.size(); i++) {
            Side side = sides.get(i);
            Batch batch = set[i];
            side.rate.add(batch.perSecond());
            side.nanosEach.add(batch.nanosEach());
            side.cpuNanos += batch.cpuNanos();
            side.threadCpuNanosEach.add(batch.threadCpuNanosEach());
            side.rateRatios.add(batch.perSecond() / set[0].perSecond());
            side.threadCpuRatios.add(set[0].threadCpuNanosEach() / batch.threadCpuNanosEach());
            side.compileMillis += batch.compileMillis();
            side.count += batch.count();
        }
    }

    /** Pools another round's batches into these. */
    void addAll(BatchFigures round) {
        for (int i = 0; i < sides.size(); i++) {
            sides.get(i).addAll(round.sides.get(i));
        }
    }

    /** Throughput of {@code side} over the baseline's, per batch set. */
    Spread rateRatio(int side) {
        return Spread.of(sides.get(side).rateRatios);
    }

    /** The baseline's thread CPU per operation over {@code side}'s, per batch set (below 1: side costs more). */
    Spread threadCpuRatio(int side) {
        return Spread.of(sides.get(side).threadCpuRatios);
    }

    Spread rate(int side) {
        return Spread.of(sides.get(side).rate);
    }

    /** Median wall time per operation. */
    double nanosEach(int side) {
        return Median.of(sides.get(side).nanosEach);
    }

    /** Wall time per operation that {@code side} adds to the baseline, from the medians of their batches. */
    double addedNanosEach(int side) {
        return nanosEach(side) - nanosEach(0);
    }

    /**
     * Process CPU per operation over all timed batches: a total, not a median, because the process CPU clock
     * ticks in steps of 10 ms on Linux, coarse against one batch, and the steps only average out in a sum.
     */
    double cpuNanosEach(int side) {
        Side figures = sides.get(side);
        return (double) figures.cpuNanos / figures.count;
    }

    /** Median CPU per operation of the thread that ran them. */
    double threadCpuNanosEach(int side) {
        return Median.of(sides.get(side).threadCpuNanosEach);
    }

    /** JIT time that fell into the timed batches. */
    long compileMillis(int side) {
        return sides.get(side).compileMillis;
    }

    /** Operations timed. */
    long count(int side) {
        return sides.get(side).count;
    }

    private static final class Side {
        final List<Double> rate = new ArrayList<>();
        final List<Double> nanosEach = new ArrayList<>();
        final List<Double> threadCpuNanosEach = new ArrayList<>();
        final List<Double> rateRatios = new ArrayList<>();
        final List<Double> threadCpuRatios = new ArrayList<>();
        long cpuNanos;
        long compileMillis;
        long count;

        void addAll(Side other) {
            rate.addAll(other.rate);
            nanosEach.addAll(other.nanosEach);
            cpuNanos += other.cpuNanos;
            threadCpuNanosEach.addAll(other.threadCpuNanosEach);
            rateRatios.addAll(other.rateRatios);
            threadCpuRatios.addAll(other.threadCpuRatios);
            compileMillis += other.compileMillis;
            count += other.count;
        }
    }
}
