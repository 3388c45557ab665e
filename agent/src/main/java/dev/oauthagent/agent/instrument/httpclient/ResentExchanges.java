package dev.oauthagent.agent.instrument.httpclient;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which {@code send}/{@code sendAsync} calls (the JDK's MultiExchange objects) the agent already sent again
 * after a 401: each is resent at most once, whatever the server keeps answering. Weak keys: an exchange is
 * forgotten with the call. MultiExchange does not override equals, so the map compares identities.
 */
final class ResentExchanges {
    private final Map<Object, Boolean> resent = new WeakHashMap<>();

    /** True the first time it is asked about {@code exchange}, false ever after. */
    synchronized boolean firstTime(Object exchange) {
        return resent.put(exchange, Boolean.TRUE) == null;
    }
}
