package dev.oauthagent.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point for {@code -javaagent} (premain) and runtime attach (agentmain). Does nothing itself: a
 * premain that throws would take the application down with it, so everything happens behind
 * {@link AgentStartup}'s catch-all.
 */
public final class OAuthAgent {
    private OAuthAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        AgentStartup.start(agentArgs, inst, System.err);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        AgentStartup.start(agentArgs, inst, System.err);
    }
}
