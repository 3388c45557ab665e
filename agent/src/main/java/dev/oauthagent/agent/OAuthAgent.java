package dev.oauthagent.agent;

import java.lang.instrument.Instrumentation;

/** Entry point for -javaagent (premain) and runtime attach (agentmain). */
public final class OAuthAgent {
    private OAuthAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        // Wired up as the configuration and token engine land.
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        premain(agentArgs, inst);
    }
}
