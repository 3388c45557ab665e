package dev.oauthagent.bench.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one child JVM did: exit code, wall time from process start to exit as seen by the harness, output. */
record ChildRun(String label, int exitCode, long wallNanos, String stdout, String stderr) {

    double wallMillis() {
        return wallNanos / 1e6;
    }

    /** The value of {@code name=<digits>} on the child's stdout; fails loudly if the child did not print it. */
    long field(String name) {
        Matcher matcher = Pattern.compile("\\b" + Pattern.quote(name) + "=(-?\\d+)").matcher(stdout);
        if (!matcher.find()) {
            throw new IllegalStateException(label + ": no '" + name + "=' in its output\n" + describe());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Stops the harness when a child failed: a figure from a broken run would be a fake one. */
    ChildRun requireSuccess() {
        if (exitCode != 0) {
            throw new IllegalStateException(label + " exited with " + exitCode + "\n" + describe());
        }
        if (stderr.contains("the agent is NOT active")) {
            throw new IllegalStateException(label + ": the agent refused its configuration\n" + describe());
        }
        return this;
    }

    String describe() {
        return "--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
}
