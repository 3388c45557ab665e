package dev.oauthagent.agent;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.ConfigProblem;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.config.PropertiesFileValues;
import dev.oauthagent.agent.config.ProblemReport;
import dev.oauthagent.agent.instrument.Instrumenter;
import dev.oauthagent.agent.log.AgentLogging;
import dev.oauthagent.agent.scrub.LogScrubbing;
import dev.oauthagent.agent.token.JvmProxySettings;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Turns agent arguments into a running agent, or into clear lines on stderr and an application that runs
 * exactly as it would without us. The rule: whatever goes wrong here (bad configuration, a bug, an unexpected
 * JVM), the host application must still start; a configuration problem turns off only what it concerns. The
 * one exception is asked for: {@code strict=true} stops a starting JVM whose configuration has a problem.
 *
 * <p>Public only for {@link OAuthAgent}, which calls {@link #start} across class loaders.
 */
public final class AgentStartup {
    static final String NOT_ACTIVE = "oauth-agent: the agent is NOT active; the application runs without it.";
    /** Like the command line's status for an invalid configuration. */
    static final int STRICT_EXIT_STATUS = 2;

    private static volatile boolean started;
    private static volatile AgentRuntime runtime;

    private AgentStartup() {
    }

    /** @param attached true from agentmain: the application already runs, and strict must not stop it */
    public static void start(String agentArgs, Instrumentation inst, PrintStream stderr, boolean attached) {
        if (started) {
            stderr.println("oauth-agent: already running in this JVM; ignoring the second start.");
            return;
        }
        LoadedConfig loaded;
        try {
            loaded = ConfigLoader.loadFromJvm(agentArgs);
        } catch (Throwable t) {
            stderr.println("oauth-agent: could not read the configuration (" + t + ").");
            stderr.println(NOT_ACTIVE);
            return;
        }
        AgentConfig config = loaded.config();
        if (!config.enabled()) {
            // Disabled means "stay out of the way", but a broken configuration should not wait until it
            // is switched on to be noticed.
            for (ConfigProblem problem : loaded.problems()) {
                stderr.println("oauth-agent: disabled; ignoring configuration problem " + problem);
            }
            return;
        }
        // Printed, not logged: the agent's logging starts later, on its own thread.
        for (String line : ProblemReport.lines(loaded)) {
            stderr.println(line);
        }
        if (loaded.strict() && !loaded.problems().isEmpty()) {
            refuseStrictly(attached, stderr);
            return;
        }
        started = true; // only now: after a refused start, a later attach with a fixed configuration may start
        JvmProxySettings.atStart(); // the JVM's proxy as configured, before the application can change it
        Instrumenter instrumenter = null;
        try {
            // First: from here on, the first load of a target class waits for its transformer.
            instrumenter = Instrumenter.prepareInPremain(inst, config.scrub().enabled());
            // Next, before the application or its logging framework can capture System.out/err.
            LogScrubbing scrubbing = LogScrubbing.start(config, inst);
            AgentLogging.configure(config.logLevel());
            StartupWarnings.print(StartupWarnings.of(loaded, scrubbing != null, systemProperties()),
                    config.logLevel(), stderr);
            startInBackground(config, instrumenter, scrubbing, stderr, loaded, agentArgs);
        } catch (Throwable t) {
            notStarted(t, instrumenter, stderr);
        }
    }

    /**
     * strict=true with problems: a JVM that is starting stops before the application's main, so that CI or a
     * staging deployment fails visibly. An application that already runs (attach) is never stopped for the
     * agent's sake: the agent does not start instead.
     */
    private static void refuseStrictly(boolean attached, PrintStream stderr) {
        if (attached) {
            stderr.println("oauth-agent: strict=true and the configuration has problems, so the agent does not "
                    + "start; the running application is left as it was.");
            stderr.println(NOT_ACTIVE);
            return;
        }
        stderr.println("oauth-agent: strict=true and the configuration has problems: stopping the JVM with exit "
                + "status " + STRICT_EXIT_STATUS + " before the application starts.");
        try {
            System.exit(STRICT_EXIT_STATUS);
        } catch (Throwable t) { // a security manager may forbid it
            stderr.println("oauth-agent: could not stop the JVM (" + t + ").");
            stderr.println(NOT_ACTIVE);
        }
    }

    private static Map<String, String> systemProperties() {
        Properties props = System.getProperties();
        Map<String, String> copy = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            copy.put(name, props.getProperty(name));
        }
        return copy;
    }

    private static void startInBackground(AgentConfig config, Instrumenter instrumenter, LogScrubbing scrubbing,
            PrintStream stderr, LoadedConfig loaded, String agentArgs) {
        // Defining the bootstrap classes, slf4j's initialisation and the token caches cost a few hundred ms of
        // class loading: done on our own thread so that premain returns to the application as soon as the
        // configuration is known to be valid. The start-up gate holds back what must wait for them.
        Thread starter = new Thread(new Starter(config, instrumenter, scrubbing, stderr, loaded, agentArgs), "oauth-agent-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** The error line, and the gate opened: held classes must not wait for an agent that will not come. */
    private static void notStarted(Throwable t, Instrumenter instrumenter, PrintStream stderr) {
        if (instrumenter != null) {
            instrumenter.openGate();
        }
        stderr.println("oauth-agent: failed to start (" + t + "). Please report this as a bug.");
        stderr.println(NOT_ACTIVE);
    }

    /** A class, not a lambda: lambdas this early cost start-up time (java.lang.invoke bootstrapping). */
    private static final class Starter implements Runnable {
        private final AgentConfig config;
        private final Instrumenter instrumenter;
        /** Null when scrubbing is off. */
        private final LogScrubbing scrubbing;
        private final PrintStream stderr;
        /** What the properties file held at start, and how to load it again, for its watch. */
        private final LoadedConfig loaded;
        private final String agentArgs;

        Starter(AgentConfig config, Instrumenter instrumenter, LogScrubbing scrubbing, PrintStream stderr,
                LoadedConfig loaded, String agentArgs) {
            this.config = config;
            this.instrumenter = instrumenter;
            this.scrubbing = scrubbing;
            this.stderr = stderr;
            this.loaded = loaded;
            this.agentArgs = agentArgs;
        }

        @Override
        public void run() {
            try {
                runtime = AgentRuntime.start(config, instrumenter, scrubbing, PropertiesFileValues.pathOf(loaded));
                runtime.watchFiles(loaded, agentArgs);
            } catch (Throwable t) {
                notStarted(t, instrumenter, stderr);
            }
        }
    }

    /** The running agent, or null when it is disabled or did not start. */
    static AgentRuntime runtime() {
        return runtime;
    }
}
