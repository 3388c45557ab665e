package dev.oauthagent.agent;

import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.scrub.LiveSecrets;
import dev.oauthagent.agent.scrub.ScrubBypassCheck;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is unsafe about a configuration that runs: secrets on the command line, secrets too short to scrub,
 * JVM settings that bypass scrubbing. Printed in premain, before the application's main, in the agent's log
 * format: the agent's logging starts on its own thread, and a JVM whose main ends at once would exit before
 * that thread could print them.
 */
final class StartupWarnings {
    private StartupWarnings() {
    }

    /**
     * @param scrubbing whether log scrubbing runs: its gaps matter only then
     * @param systemProperties this JVM's, for the settings that bypass scrubbing
     */
    static List<String> of(LoadedConfig loaded, boolean scrubbing, Map<String, String> systemProperties) {
        List<String> warnings = new ArrayList<>(loaded.warnings());
        if (scrubbing) {
            for (String origin : LiveSecrets.unscrubbableOrigins(loaded.config())) {
                warnings.add(origin + " is shorter than " + LiveSecrets.MIN_SCRUBBED_LENGTH + " characters and is "
                        + "not scrubbed from logs (it would hide ordinary words); use a longer value");
            }
            for (String warning : ScrubBypassCheck.warnings(systemProperties)) {
                warnings.add("log scrubbing bypassed: " + warning);
            }
        }
        return warnings;
    }

    /** As the agent's log would print them at WARN: nothing at log-level=error. */
    static void print(List<String> warnings, String logLevel, PrintStream stderr) {
        if ("error".equals(logLevel)) {
            return;
        }
        for (String warning : warnings) {
            stderr.println("[oauth-agent] WARN " + warning);
        }
    }
}
