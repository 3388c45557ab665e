package dev.oauthagent.bootstrap;

import java.io.IOException;
import java.net.URL;

/**
 * What the agent inserts into {@code sun.net.www.protocol.http.HttpURLConnection} calls: one static method per
 * hook point, each a plain call from the JDK method into {@link UrlConnectionHook}. The inserted bytecode
 * is only the call; everything else (the null hook, the agent's own threads, never letting a throwable of
 * ours reach the application) is decided here, in Java.
 */
public final class UrlConnectionAdvice {
    private UrlConnectionAdvice() {
    }

    /**
     * First thing in {@code writeRequests()}: lets the hook set the header list's {@code Authorization}.
     * Throws only the hook's fail-closed refusal, before any byte of the request is written.
     */
    public static void beforeWrite(Object connection, URL url, Object requests) throws IOException {
        IOException refusal;
        try {
            UrlConnectionHook hook = Bridge.urlConnection();
            refusal = hook == null ? null : hook.beforeWrite(connection, url, requests);
        } catch (Throwable ignored) {
            return; // a bug of ours must not fail the application's request
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Last thing in {@code getInputStream0()}, on return or throw: reports the response's header list. */
    public static void afterResponse(Object connection, Object responses) {
        try {
            UrlConnectionHook hook = Bridge.urlConnection();
            if (hook != null) {
                hook.afterResponse(connection, responses);
            }
        } catch (Throwable ignored) {
            // never the application's problem
        }
    }
}
