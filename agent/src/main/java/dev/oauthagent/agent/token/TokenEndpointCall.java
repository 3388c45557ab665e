package dev.oauthagent.agent.token;

/**
 * Marks the current thread as being inside the agent's own call to a token endpoint.
 *
 * <p>Why: the agent will instrument HttpURLConnection (a later issue) to inject Bearer tokens into the
 * application's requests. Its own token request goes through the same class, and must be neither decorated
 * with a token nor counted, nor may it recurse into the token cache that is waiting for it. The advice will
 * check {@link #isActive()} and step aside. The advice runs in JDK classes, so this marker will move to the
 * bootstrap module once that instrumentation exists; until then it lives here, next to its only writer.
 */
public final class TokenEndpointCall {
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<Boolean>();

    private TokenEndpointCall() {
    }

    /** True while this thread is sending a token request for the agent. */
    public static boolean isActive() {
        return Boolean.TRUE.equals(INSIDE.get());
    }

    /** Call before the request; pass the result to {@link #exit} in a finally block. */
    static boolean enter() {
        boolean wasActive = isActive();
        INSIDE.set(Boolean.TRUE);
        return wasActive;
    }

    static void exit(boolean wasActive) {
        if (!wasActive) {
            INSIDE.remove();
        }
    }
}
