package dev.oauthagent.agent.reload;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.ConfigProblem;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.config.PropertiesFileValues;
import dev.oauthagent.agent.token.auth.FileStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * The agent's properties file, looked at on the agent's own thread (never an application's): when its
 * {@link FileStamp} changes, the keys whose values changed are found, the whole configuration is loaded again as
 * at start, and then either
 * <ul>
 * <li>the new configuration has a problem the running one did not have: nothing changes, and the problems are
 * logged once for that content;</li>
 * <li>or each changed key a running client can take live ({@link ChangedKeys#LIVE}) is handed to it, and every
 * other changed key is named in one warning that says to restart.</li>
 * </ul>
 * Values are compared, never logged. docs/decisions/0025 says why these keys and why polling.
 */
public final class PropertiesFileWatch implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PropertiesFileWatch.class);

    /** The running clients, as far as a change of the properties file can reach them. */
    public interface LiveClients {
        Set<String> names();

        /** False for a client whose token source cannot be rebuilt while it runs (one acting for a person). */
        boolean canApplyLive(String clientName);

        /** Use {@code config} from the next token request; {@code keys} (short names) are the changed ones. */
        void apply(ClientConfig config, Set<String> keys);
    }

    private final Path file;
    private final Callable<LoadedConfig> loader;
    private final LiveClients clients;
    private final Set<ConfigProblem> problemsAtStart;
    // Touched only by the one thread that runs the watch.
    private FileStamp stamp;
    private Map<String, String> running;
    private Map<String, String> reportedProblemsFor;

    /**
     * @param atStart the configuration the agent started with, read from {@code file}
     * @param loader loads the whole configuration again, as at start
     */
    public PropertiesFileWatch(Path file, LoadedConfig atStart, Callable<LoadedConfig> loader, LiveClients clients) {
        this.file = file;
        this.loader = loader;
        this.clients = clients;
        this.problemsAtStart = new HashSet<>(atStart.problems());
        this.stamp = settledStamp(FileStamp.of(file));
        this.running = PropertiesFileValues.read(file);
    }

    @Override
    public void run() {
        try {
            Outcome outcome = check();
            for (String line : outcome.warnings) {
                LOG.warn(line);
            }
            for (String line : outcome.infos) {
                LOG.info(line);
            }
        } catch (Exception e) {
            // The watch runs again at its next interval; a failure of ours must not end it, nor reach the application.
            stamp = null; // so that the next look tries the file again rather than taking it as seen
            LOG.warn("could not apply the changed properties file " + file + " (" + e.getClass().getName()
                    + "); the running configuration stays");
        }
    }

    /** Looks at the file once; package-private so that tests call it without a thread or a clock. */
    Outcome check() throws Exception {
        FileStamp now = FileStamp.of(file);
        if (now != null && now.equals(stamp)) {
            return Outcome.NONE;
        }
        stamp = settledStamp(now);
        Map<String, String> edited = PropertiesFileValues.read(file);
        Set<String> changed = ChangedKeys.between(running, edited);
        if (changed.isEmpty()) {
            return Outcome.NONE;
        }
        LoadedConfig loaded = loader.call();
        List<String> problems = newProblems(loaded);
        if (!problems.isEmpty()) {
            return rejected(edited, problems);
        }
        reportedProblemsFor = null;
        running = edited;
        return applied(changed, loaded);
    }

    private Outcome rejected(Map<String, String> edited, List<String> problems) {
        if (edited.equals(reportedProblemsFor)) {
            return Outcome.NONE;
        }
        reportedProblemsFor = edited;
        return new Outcome(Collections.singletonList("the properties file " + file + " changed, but the new "
                + "configuration has problems; the running configuration stays until they are fixed: "
                + String.join("; ", problems)), Collections.<String>emptyList());
    }

    private Outcome applied(Set<String> changed, LoadedConfig loaded) {
        Set<String> names = clients.names();
        Set<String> restart = new TreeSet<>();
        Map<String, Set<String>> live = new LinkedHashMap<>();
        for (String key : changed) {
            String client = ChangedKeys.clientOf(key, names);
            String name = client == null ? null : ChangedKeys.keyName(key, client);
            if (client == null || !ChangedKeys.LIVE.contains(name) || !clients.canApplyLive(client)
                    || loaded.config().client(client) == null) {
                restart.add(key);
            } else {
                if (!live.containsKey(client)) {
                    live.put(client, new TreeSet<String>());
                }
                live.get(client).add(name);
            }
        }
        List<String> infos = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : live.entrySet()) {
            clients.apply(loaded.config().client(e.getKey()), e.getValue());
            infos.add("client '" + e.getKey() + "': applied " + String.join(", ", e.getValue())
                    + " from the changed properties file " + file + "; requesting a new token with them");
        }
        List<String> warnings = restart.isEmpty() ? Collections.<String>emptyList()
                : Collections.singletonList("the properties file " + file + " changed " + String.join(", ", restart)
                        + ", which apply only at start: restart to apply");
        return new Outcome(warnings, infos);
    }

    /** Problems the configuration at start did not have, as printed at start (keys and reasons, never values). */
    private List<String> newProblems(LoadedConfig loaded) {
        List<String> problems = new ArrayList<>();
        for (ConfigProblem p : loaded.problems()) {
            if (!problemsAtStart.contains(p)) {
                problems.add(p.toString());
            }
        }
        return problems;
    }

    /** A file written a moment ago may be written again with the same stamp: then it is read at the next look. */
    private static FileStamp settledStamp(FileStamp stamp) {
        return stamp != null && stamp.isSettled() ? stamp : null;
    }

    /** What one look did, as log lines. */
    static final class Outcome {
        static final Outcome NONE = new Outcome(Collections.<String>emptyList(), Collections.<String>emptyList());

        final List<String> warnings;
        final List<String> infos;

        Outcome(List<String> warnings, List<String> infos) {
            this.warnings = warnings;
            this.infos = infos;
        }
    }
}
