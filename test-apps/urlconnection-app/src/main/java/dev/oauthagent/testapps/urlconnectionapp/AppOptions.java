package dev.oauthagent.testapps.urlconnectionapp;

import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.EnvOptions;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Command-line options, each with an environment-variable fallback, checked up front with a clear message. */
final class AppOptions {
    private final List<String> urls;
    private final int requests;
    private final long pauseMillis;
    private final String method;
    private final String headerName;
    private final String headerValue;
    private final boolean followRedirects;
    private String body = "FIXED";
    private boolean streamFirst;
    private String backgroundUrl;

    private AppOptions(List<String> urls, int requests, long pauseMillis, String method, String[] header,
            boolean followRedirects) {
        this.urls = Collections.unmodifiableList(urls);
        this.followRedirects = followRedirects;
        this.requests = requests;
        this.pauseMillis = pauseMillis;
        this.method = method;
        this.headerName = header == null ? null : header[0];
        this.headerValue = header == null ? null : header[1];
    }

    static AppOptions parse(String[] args, Map<String, String> env) {
        EnvOptions given = new EnvOptions(args, env,
                "url|requests|pause-ms|method|header|follow-redirects|body|read|background-url");
        AppOptions options = new AppOptions(given.urls(), given.number("requests", 1, 1),
                given.number("pause-ms", 0, 0), given.choice("method", "GET", "GET|POST|ALTERNATE"),
                given.header("header"), given.bool("follow-redirects", true));
        options.body = given.choice("body", "FIXED", "FIXED|CHUNKED|BUFFERED");
        options.streamFirst = "STREAM_FIRST".equals(given.choice("read", "CODE_FIRST", "CODE_FIRST|STREAM_FIRST"));
        options.backgroundUrl = given.value("background-url");
        return options;
    }

    /**
     * How a POST body is sent: FIXED ({@code setFixedLengthStreamingMode}), CHUNKED
     * ({@code setChunkedStreamingMode}) or BUFFERED (no streaming mode: the JDK buffers it and sends it with
     * the headers once the response is asked for).
     */
    String body() {
        return body;
    }

    /** Whether the response is read with {@code getInputStream()} before {@code getResponseCode()}. */
    boolean streamFirst() {
        return streamFirst;
    }

    /** A URL a second thread requests again and again while the main requests run, or null for none. */
    String backgroundUrl() {
        return backgroundUrl;
    }

    /** Every {@code --url} given, in order (or APP_URL when there is none); each gets {@link #requests()} requests. */
    List<String> urls() {
        return urls;
    }

    /** {@link java.net.HttpURLConnection#setInstanceFollowRedirects(boolean)}; the JDK's default is true. */
    boolean followRedirects() {
        return followRedirects;
    }

    int requests() {
        return requests;
    }

    long pauseMillis() {
        return pauseMillis;
    }

    /** The method of the n-th request (1-based). */
    String methodFor(int n) {
        return CommandLine.methodFor(method, n);
    }

    String headerName() {
        return headerName;
    }

    String headerValue() {
        return headerValue;
    }
}
