package dev.oauthagent.agent.instrument.apache4;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The hops (the client's request wrappers, one per hop, reused for its retries) the agent already had sent again
 * after a 401 refused its token: each at most once, whatever the server keeps answering. Weakly held, so a hop is
 * forgotten with its request; the wrappers do not override equals, so the map compares identities.
 */
final class ResentRequests {
    private final Map<Object, Boolean> resent = new WeakHashMap<>();

    /** True the first time it is asked about {@code hop}, false ever after. */
    synchronized boolean firstTime(Object hop) {
        return resent.put(hop, Boolean.TRUE) == null;
    }
}
