package dev.oauthagent.bootstrap;

/**
 * Marks the current thread as inside one of the agent's own HTTP calls (a token request). The agent's token
 * requests go through the same {@code HttpURLConnection} the agent instruments; {@link Bridge#injector()}
 * returns null while this marker is set, so those requests are never decorated and never wait on the token
 * cache that is waiting for them. Lives here because the advice in JDK classes must see it.
 */
public final class AgentCall {
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<Boolean>();

    private AgentCall() {
    }

    /** True while this thread is making a call for the agent. */
    public static boolean isActive() {
        return INSIDE.get() != null;
    }

    /** Call before the agent's own request; pass the result to {@link #exit} in a finally block. */
    public static boolean enter() {
        boolean wasActive = isActive();
        INSIDE.set(Boolean.TRUE);
        return wasActive;
    }

    public static void exit(boolean wasActive) {
        if (!wasActive) {
            INSIDE.remove();
        }
    }
}
