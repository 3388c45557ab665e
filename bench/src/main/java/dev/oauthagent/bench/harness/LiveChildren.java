package dev.oauthagent.bench.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The same program in one live child JVM per variant (no agent first: the baseline), run batch by batch in
 * turn, so every batch of one variant is compared with batches of the others measured a moment before or after
 * it, under the same machine load.
 */
final class LiveChildren implements AutoCloseable {
    /** Batch sets in a row in which every child's JIT was quiet before the warm-up counts as done. */
    private static final int QUIET_SETS_FOR_STEADY = 5;

    private final List<BatchChild> children;
    private int turn;

    private LiveChildren(List<BatchChild> children) {
        this.children = children;
    }

    /** Starts {@code mainClass args} once per variant; if one cannot start, those already started are ended. */
    static LiveChildren start(ChildLauncher launcher, List<JvmVariant> variants, String mainClass, String... args)
            throws Exception {
        LiveChildren started = new LiveChildren(new ArrayList<>());
        try {
            for (JvmVariant variant : variants) {
                started.children.add(BatchChild.start(launcher, variant, mainClass, args));
            }
        } catch (IOException | RuntimeException e) {
            started.closeAfter(e);
            throw e;
        }
        return started;
    }

    /**
     * One batch of {@code count} from each child (index as the variants). Who goes first rotates from one call
     * to the next, so no child always follows another's JIT or GC burst and each takes every place alike.
     */
    Batch[] runEach(int count) throws IOException {
        int size = children.size();
        Batch[] batches = new Batch[size];
        int first = turn++ % size;
        for (int step = 0; step < size; step++) {
            int child = (first + step) % size;
            batches[child] = children.get(child).run(count);
        }
        return batches;
    }

    /**
     * Runs batch sets until the JIT compiler of every child has been (nearly) idle for five sets in a row
     * ({@link Batch#jitQuiet()}), after at least {@code min} and at most {@code max} operations per child.
     */
    WarmUp warmUp(int batch, int min, int max) throws IOException {
        int done = 0;
        int quietSets = 0;
        double[] cpuSeconds = new double[children.size()];
        while (done < max && (quietSets < QUIET_SETS_FOR_STEADY || done < min)) {
            Batch[] batches = runEach(batch);
            done += batch;
            boolean allQuiet = true;
            for (int child = 0; child < batches.length; child++) {
                cpuSeconds[child] += batches[child].cpuNanos() / 1e9;
                allQuiet &= batches[child].jitQuiet();
            }
            quietSets = allQuiet ? quietSets + 1 : 0;
        }
        return new WarmUp(done, quietSets >= QUIET_SETS_FOR_STEADY, cpuSeconds);
    }

    /** Ends every child and checks each exited cleanly; the first failure is thrown, the others suppressed. */
    @Override
    public void close() throws Exception {
        Exception first = null;
        for (BatchChild child : children) {
            try {
                child.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeAfter(Exception cause) {
        try {
            close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
