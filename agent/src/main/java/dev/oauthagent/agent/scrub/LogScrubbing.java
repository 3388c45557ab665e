package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ScrubConfig;

import java.lang.instrument.Instrumentation;

/**
 * Switches log scrubbing on, in two steps. {@link #start} runs in premain: compiles the configured secrets and
 * wraps {@code System.out} and {@code System.err}, before the application can write to them.
 * {@link #connectHooks} runs on the start-up thread once the bootstrap classes are defined, before any logging
 * framework is instrumented: from then on the hooks scrub through the same redactor. Tokens are added as the
 * token caches obtain them, through {@link #secrets}.
 */
public final class LogScrubbing {
    private final LiveSecrets secrets;
    private final Redactor redactor;
    private final TerminalStreams terminals;

    private LogScrubbing(LiveSecrets secrets, Redactor redactor, TerminalStreams terminals) {
        this.secrets = secrets;
        this.redactor = redactor;
        this.terminals = terminals;
    }

    /**
     * Must run before anything writes to the standard streams. Null when scrubbing is off.
     *
     * @param inst to reach JDK internals the standard streams need (the charset of the original stream on
     *     Java 9 to 17, the last shutdown hook slot); null in tests, which then get the public fallbacks
     */
    public static LogScrubbing start(AgentConfig config, Instrumentation inst) {
        ScrubConfig scrub = config.scrub();
        if (!scrub.enabled()) {
            return null;
        }
        LiveSecrets secrets = LiveSecrets.fromConfig(config);
        Redactor redactor = Redactor.create(secrets, scrub.patterns(), scrub.replacement(), scrub.fingerprint());
        TerminalStreams terminals = new TerminalStreams(redactor, new DaemonHeldTextTimer());
        StdStreams.install(terminals, inst);
        return new LogScrubbing(secrets, redactor, terminals);
    }

    /** Must run after the bootstrap classes are defined ({@code Bridge} must be the boot loader's). */
    public void connectHooks() {
        HookScrubber.install(redactor, secrets, terminals);
    }

    /** How many secrets the scrubber has replaced so far. */
    public long redactions() {
        return redactor.redactions();
    }

    /** Where tokens go to be scrubbed. */
    public LiveSecrets secrets() {
        return secrets;
    }
}
