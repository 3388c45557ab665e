package dev.oauthagent.agent.scrub;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ScrubConfig;
import dev.oauthagent.bootstrap.Bridge;

/**
 * Switches log scrubbing on in premain: compiles the configured secrets, installs the redactor for the
 * logging hooks ({@link Bridge#installScrubber}) and wraps {@code System.out} and {@code System.err}. Tokens
 * are added later, as the token caches obtain them, through the returned {@link LiveSecrets}.
 */
public final class LogScrubbing {
    private LogScrubbing() {
    }

    /**
     * Must run after the bootstrap classes are defined (Bridge must be the boot loader's) and before anything
     * writes to the standard streams. Returns the live secrets to feed tokens to, or null when scrubbing is off.
     */
    public static LiveSecrets start(AgentConfig config) {
        ScrubConfig scrub = config.scrub();
        if (!scrub.enabled()) {
            return null;
        }
        LiveSecrets secrets = LiveSecrets.fromConfig(config);
        Redactor redactor = Redactor.create(secrets, scrub.patterns(), scrub.replacement(), scrub.fingerprint());
        Bridge.installScrubber(redactor);
        StdStreams.install(redactor);
        return secrets;
    }
}
