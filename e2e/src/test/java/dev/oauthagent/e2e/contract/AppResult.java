package dev.oauthagent.e2e.contract;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a test app reported, request by request, and which tokens the agent in it said it obtained (by
 * fingerprint: the agent logs {@code client '<name>': token <8 hex> obtained|refreshed}, the same fingerprint
 * the origin recorder writes for an {@code Authorization} header it receives).
 */
public final class AppResult {
    private static final Pattern REQUEST = Pattern.compile("^REQUEST (\\d+) status=(-?\\d+) .*?(?: error=(.*))?$");
    private static final Pattern TOKEN = Pattern.compile("client '([a-z0-9_-]+)': token ([0-9a-f]{8}) (?:obtained|refreshed)");

    /** One request's outcome; {@code error} is {@code "<exception class>: <message>"} or null. */
    public record Outcome(int status, String error) {
    }

    private final AppRun run;
    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final Duration elapsed;
    private final Map<Integer, Outcome> outcomes = new TreeMap<>();
    private final Map<String, Set<String>> fingerprints = new LinkedHashMap<>();

    AppResult(AppRun run, int exitCode, String stdout, String stderr, Duration elapsed) {
        this.run = run;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.elapsed = elapsed;
        stdout.lines().map(REQUEST::matcher).filter(Matcher::matches).forEach(line -> outcomes.put(
                Integer.parseInt(line.group(1)), new Outcome(Integer.parseInt(line.group(2)), line.group(3))));
        Matcher token = TOKEN.matcher(stderr);
        while (token.find()) {
            fingerprints.computeIfAbsent(token.group(1), client -> new HashSet<>()).add(token.group(2));
        }
    }

    public int exitCode() {
        return exitCode;
    }

    /** Both streams, for messages and for "no secret anywhere" checks. */
    public String output() {
        return stdout + stderr;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    /** From start to exit of the app's JVM, as the test saw it. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Request n's outcome (1-based, as the app numbered it); fails if the app did not report it. */
    public Outcome outcome(int n) {
        Outcome outcome = outcomes.get(n);
        if (outcome == null) {
            throw new AssertionError("the app reported no request " + n + " (" + run.urlOf(n) + ")\n" + this);
        }
        return outcome;
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    /** Fingerprints of every token the agent said it obtained for {@code client} during the run. */
    public Set<String> fingerprintsOf(String client) {
        return fingerprints.getOrDefault(client, Set.of());
    }

    /** How the recorder writes a header carrying one of {@code client}'s tokens: "Bearer fp=..." for each. */
    public Set<String> authorizationsOf(String client) {
        Set<String> values = new HashSet<>();
        fingerprintsOf(client).forEach(fp -> values.add("Bearer fp=" + fp));
        return values;
    }

    @Override
    public String toString() {
        return "--- app exit code " + exitCode + " after " + elapsed.toMillis() + " ms\n--- stdout:\n" + stdout
                + "--- stderr:\n" + stderr + "---";
    }
}
