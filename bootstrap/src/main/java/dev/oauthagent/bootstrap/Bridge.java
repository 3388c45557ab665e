package dev.oauthagent.bootstrap;

/**
 * The one static door from instrumented JDK classes into the agent. Advice reads its hook (e.g. {@link #urlConnection()}) and
 * does nothing when it is null, so the JDK classes behave exactly as without the agent until the agent has
 * started, after it is turned off, and on the agent's own threads.
 */
public final class Bridge {
    private static volatile UrlConnectionHook urlConnection;
    private static volatile HttpClientHook httpClient;
    private static volatile Apache5Hook apache5;
    private static volatile OkHttpHook okHttp;
    private static volatile Apache4Hook apache4;
    private static volatile LogScrubber scrubber;
    private static volatile ConnectHook connect;

    private Bridge() {
    }

    /** Set once the agent is ready; null switches the hook off. */
    public static void installUrlConnection(UrlConnectionHook hook) {
        urlConnection = hook;
    }

    /**
     * The hook for a request on this thread, or null when there is none or the thread is inside the agent's
     * own HTTP call (a token request must never be decorated, nor wait for the token it fetches).
     */
    public static UrlConnectionHook urlConnection() {
        UrlConnectionHook hook = urlConnection;
        if (hook == null || AgentCall.isActive()) {
            return null;
        }
        return hook;
    }

    /** Set once the agent is ready; null switches the hook off. */
    public static void installHttpClient(HttpClientHook hook) {
        httpClient = hook;
    }

    /** Like {@link #urlConnection()}, for {@code java.net.http.HttpClient}. */
    public static HttpClientHook httpClient() {
        HttpClientHook hook = httpClient;
        if (hook == null || AgentCall.isActive()) {
            return null;
        }
        return hook;
    }

    /** Set once the agent is ready; null switches the hook off. */
    public static void installApache4(Apache4Hook hook) {
        apache4 = hook;
    }

    /** Like {@link #urlConnection()}, for Apache HttpClient 4.x and HttpAsyncClient 4.1. */
    public static Apache4Hook apache4() {
        Apache4Hook hook = apache4;
        if (hook == null || AgentCall.isActive()) {
            return null;
        }
        return hook;
    }

    /** Set once the agent is ready; null switches the hook off. */
    public static void installOkHttp(OkHttpHook hook) {
        okHttp = hook;
    }

    /** Like {@link #urlConnection()}, for OkHttp. */
    public static OkHttpHook okHttp() {
        OkHttpHook hook = okHttp;
        if (hook == null || AgentCall.isActive()) {
            return null;
        }
        return hook;
    }

    /** Set once the agent is ready; null switches the hook off. */
    public static void installApache5(Apache5Hook hook) {
        apache5 = hook;
    }

    /** Like {@link #urlConnection()}, for Apache HttpClient 5. */
    public static Apache5Hook apache5() {
        Apache5Hook hook = apache5;
        if (hook == null || AgentCall.isActive()) {
            return null;
        }
        return hook;
    }

    /** Set once the agent is ready; null switches the connection reports off. */
    public static void installConnect(ConnectHook hook) {
        connect = hook;
    }

    /** Like {@link #urlConnection()}, for the JDK's TCP connect: null on the agent's own calls. */
    public static ConnectHook connect() {
        ConnectHook hook = connect;
        if (hook == null || AgentCall.isActive()) {
            return null;
        }
        return hook;
    }

    /** Set once the redactor is ready; null switches scrubbing off. */
    public static void installScrubber(LogScrubber hook) {
        scrubber = hook;
    }

    /**
     * The redactor, or null when scrubbing is off. Unlike the HTTP hooks it is also returned on the agent's
     * own threads: the agent's log lines are scrubbed like the application's.
     */
    public static LogScrubber scrubber() {
        return scrubber;
    }
}
