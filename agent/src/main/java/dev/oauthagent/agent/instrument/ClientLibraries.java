package dev.oauthagent.agent.instrument;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The HTTP client libraries the agent knows, one line each: the ones it instruments and the common ones it does
 * not. Used to say which library opened a connection to a configured host without a token (the connect watch in
 * {@code instrument/connect}) and which libraries a class path holds ({@code check --classpath}). A library that
 * gets an instrumentation turns {@code NOT_COVERED} into {@code COVERED} on its line.
 *
 * <p>The packages are those whose code is on the stack when the library opens a connection, also on its own I/O
 * threads: an async client's connector thread runs only the library's code, so its core packages are listed too
 * (Apache's {@code org.apache.hc.core5.} reactor). The longest matching package wins, and a prefix may name classes
 * too: Apache HttpClient 5's minimal async clients, which bypass the exec chain the agent hooks, are a library of
 * their own inside {@code org.apache.hc.client5.} (reported where they take a request, see
 * {@code instrument/apache5/MinimalClients}).
 */
public final class ClientLibraries {
    private static final boolean COVERED = true;
    private static final boolean NOT_COVERED = false;
    /** Marks a library that is part of the JDK (no marker class to look for). */
    private static final String JDK = null;
    private static final String MINIMAL_ASYNC = "org.apache.hc.client5.http.impl.async.";

    /** An array, not a list: {@link #ofClass} runs per stack frame and allocates no iterator. */
    private static final ClientLibrary[] ALL = {
        new ClientLibrary("HttpURLConnection (JDK)", JDK, COVERED,
                "sun.net.www.protocol.http.", "sun.net.www.protocol.https."),
        new ClientLibrary("java.net.http.HttpClient (JDK 11+)", JDK, COVERED, "jdk.internal.net.http."),
        new ClientLibrary("OkHttp 3.x-5.x", "okhttp3.OkHttpClient", COVERED, "okhttp3."),
        new ClientLibrary("OkHttp 2.x", "com.squareup.okhttp.OkHttpClient", NOT_COVERED, "com.squareup.okhttp."),
        new ClientLibrary("Apache HttpClient 4.x", "org.apache.http.impl.client.DefaultHttpClient", COVERED,
                "org.apache.http."),
        new ClientLibrary("Apache HttpAsyncClient 4.x", "org.apache.http.impl.nio.client.HttpAsyncClients",
                COVERED, "org.apache.http.impl.nio.", "org.apache.http.nio."),
        new ClientLibrary("Apache HttpClient 5.x", "org.apache.hc.client5.http.impl.classic.HttpClients",
                COVERED, "org.apache.hc.client5.", "org.apache.hc.core5."),
        new ClientLibrary("Apache HttpClient 5 minimal async clients", MINIMAL_ASYNC + "MinimalHttpAsyncClient",
                NOT_COVERED, MINIMAL_ASYNC + "MinimalHttpAsyncClient", MINIMAL_ASYNC + "MinimalH2AsyncClient")
                .fixedBy("Build the client with HttpAsyncClients.custom()...build() or HttpAsyncClients.createDefault()"
                        + " (HTTP/2: customHttp2()...build() or createHttp2Default()) instead of createMinimal() or"
                        + " createHttp2Minimal(): those the agent instruments (docs/clients.md)"),
        new ClientLibrary("Apache Commons HttpClient 3.x", "org.apache.commons.httpclient.HttpClient",
                NOT_COVERED, "org.apache.commons.httpclient."),
        new ClientLibrary("Jetty HttpClient", "org.eclipse.jetty.client.HttpClient", NOT_COVERED,
                "org.eclipse.jetty."),
        new ClientLibrary("async-http-client", "org.asynchttpclient.AsyncHttpClient", NOT_COVERED,
                "org.asynchttpclient."),
        new ClientLibrary("Reactor Netty", "reactor.netty.http.client.HttpClient", NOT_COVERED, "reactor.netty."),
        new ClientLibrary("Netty", "io.netty.bootstrap.Bootstrap", NOT_COVERED, "io.netty."),
        new ClientLibrary("Vert.x HTTP client", "io.vertx.core.http.HttpClient", NOT_COVERED, "io.vertx."),
    };

    private ClientLibraries() {
    }

    /** Every known library, the JDK's first. */
    public static List<ClientLibrary> all() {
        return Collections.unmodifiableList(Arrays.asList(ALL));
    }

    /** The library whose code {@code className} is, or null for none the agent knows. */
    public static ClientLibrary ofClass(String className) {
        ClientLibrary best = null;
        int bestLength = 0;
        for (ClientLibrary library : ALL) {
            int length = library.prefixMatched(className);
            if (length > bestLength) {
                best = library;
                bestLength = length;
            }
        }
        return best;
    }
}
