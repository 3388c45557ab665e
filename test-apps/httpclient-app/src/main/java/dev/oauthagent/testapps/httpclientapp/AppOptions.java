package dev.oauthagent.testapps.httpclientapp;

import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.EnvOptions;
import java.net.http.HttpClient;
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
    private final String mode;
    private final HttpClient.Redirect redirect;
    private final boolean streamBody;
    private final String basicAuth;
    private final boolean awaitEach;
    private String backgroundUrl;

    private AppOptions(List<String> urls, int requests, long pauseMillis, String method, String[] header, String mode,
            HttpClient.Redirect redirect, boolean streamBody, String basicAuth, boolean awaitEach) {
        this.urls = List.copyOf(urls);
        this.awaitEach = awaitEach;
        this.streamBody = streamBody;
        this.basicAuth = basicAuth;
        this.redirect = redirect;
        this.mode = mode;
        this.requests = requests;
        this.pauseMillis = pauseMillis;
        this.method = method;
        this.headerName = header == null ? null : header[0];
        this.headerValue = header == null ? null : header[1];
    }

    static AppOptions parse(String[] args, Map<String, String> env) {
        EnvOptions given = new EnvOptions(args, env,
                "url|requests|pause-ms|method|header|mode|redirect|body|basic-auth|await-each|background-url");
        String basicAuth = given.value("basic-auth");
        if (basicAuth != null && basicAuth.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--basic-auth (or APP_BASIC_AUTH) must look like 'user:password'");
        }
        AppOptions options = new AppOptions(given.urls(), given.number("requests", 1, 1),
                given.number("pause-ms", 0, 0), given.choice("method", "GET", "GET|POST|ALTERNATE"),
                given.header("header"), given.choice("mode", "SYNC", "SYNC|ASYNC|BOTH"),
                HttpClient.Redirect.valueOf(given.choice("redirect", "NORMAL", "NORMAL|ALWAYS|NEVER")),
                "STREAM".equals(given.choice("body", "STRING", "STRING|STREAM")), basicAuth,
                given.bool("await-each", false));
        options.backgroundUrl = given.value("background-url");
        return options;
    }

    String backgroundUrl() {
        return backgroundUrl;
    }

    /** Every {@code --url} given, in order (or APP_URL when there is none); each gets {@link #requests()} requests. */
    List<String> urls() {
        return urls;
    }

    /** The client's redirect policy; NORMAL (follow, except https to http) unless asked otherwise. */
    HttpClient.Redirect redirect() {
        return redirect;
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

    /** SYNC: one request after another; ASYNC: all at once with sendAsync; BOTH: SYNC, then ASYNC. */
    boolean runsSync() {
        return !"ASYNC".equals(mode);
    }

    boolean runsAsync() {
        return !"SYNC".equals(mode);
    }

    /** POST bodies from an InputStream supplier (a publisher the JDK does not treat as replayable) instead of a String. */
    boolean streamBody() {
        return streamBody;
    }

    /** ASYNC: send each request only once the one before has completed, instead of all at once. */
    boolean awaitEach() {
        return awaitEach;
    }

    /** {@code user:password} for the client's {@link java.net.Authenticator}, or null for none. */
    String basicAuth() {
        return basicAuth;
    }

    String headerName() {
        return headerName;
    }

    String headerValue() {
        return headerValue;
    }
}
