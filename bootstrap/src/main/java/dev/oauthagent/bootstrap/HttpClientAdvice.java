package dev.oauthagent.bootstrap;

import java.io.IOException;

/**
 * What the agent inserts into {@code jdk.internal.net.http.MultiExchange} calls: one static method per hook
 * point, each a plain call from the JDK method into {@link HttpClientHook}. The inserted bytecode is only the
 * call; the null hook, the agent's own threads and never letting a throwable of ours reach the application
 * are handled here, in Java.
 */
public final class HttpClientAdvice {
    private HttpClientAdvice() {
    }

    /**
     * On each normal return of {@code requestFilters(HttpRequestImpl)}, after the client's own filters ran on
     * the hop. Throws only the hook's fail-closed refusal, which the JDK turns into the failure of
     * {@code send}/{@code sendAsync} without sending anything.
     */
    public static void afterRequestFilters(Object request) throws IOException {
        IOException refusal;
        try {
            HttpClientHook hook = Bridge.httpClient();
            refusal = hook == null ? null : hook.beforeSend(request);
        } catch (Throwable ignored) {
            return;
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * On each return of {@code responseFilters(Response)} with the request it returns ({@code next}, null when
     * the response goes to the application): the request to return instead, e.g. a replay of a request whose
     * token was refused.
     */
    public static Object afterResponseFilters(Object next, Object exchange, Object response) {
        if (next != null) {
            return next;
        }
        try {
            HttpClientHook hook = Bridge.httpClient();
            return hook == null ? null : hook.afterResponse(exchange, response);
        } catch (Throwable ignored) {
            return null;
        }
    }
}
