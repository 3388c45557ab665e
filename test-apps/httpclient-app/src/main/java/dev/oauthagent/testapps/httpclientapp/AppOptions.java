package dev.oauthagent.testapps.httpclientapp;

import java.net.http.HttpClient;
import java.util.ArrayList;
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

    private AppOptions(List<String> urls, int requests, long pauseMillis, String method, String header, String mode,
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
        if (header == null) {
            this.headerName = null;
            this.headerValue = null;
        } else {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header (or APP_HEADER) '" + header
                        + "' must look like 'Name: value'");
            }
            this.headerName = header.substring(0, colon).trim();
            this.headerValue = header.substring(colon + 1).trim();
        }
    }

    static AppOptions parse(String[] args, Map<String, String> env) {
        for (String arg : args) {
            if (!arg.matches("--(url|requests|pause-ms|method|header|mode|redirect|body|basic-auth|await-each|background-url)=.*")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --url, --requests,"
                        + " --pause-ms, --method, --header, --mode, --redirect, --body, --basic-auth, --await-each,"
                        + " --background-url");
            }
        }
        List<String> urls = urls(args, env);
        String method = orDefault(value(args, env, "method", "APP_METHOD"), "GET").toUpperCase();
        if (!method.matches("GET|POST|ALTERNATE")) {
            throw new IllegalArgumentException("--method (or APP_METHOD) '" + method
                    + "' must be GET, POST or ALTERNATE");
        }
        String mode = orDefault(value(args, env, "mode", "APP_MODE"), "SYNC").toUpperCase();
        if (!mode.matches("SYNC|ASYNC|BOTH")) {
            throw new IllegalArgumentException("--mode (or APP_MODE) '" + mode + "' must be SYNC, ASYNC or BOTH");
        }
        String redirect = orDefault(value(args, env, "redirect", "APP_REDIRECT"), "NORMAL").toUpperCase();
        if (!redirect.matches("NORMAL|ALWAYS|NEVER")) {
            throw new IllegalArgumentException("--redirect (or APP_REDIRECT) '" + redirect
                    + "' must be NORMAL, ALWAYS or NEVER");
        }
        String body = orDefault(value(args, env, "body", "APP_BODY"), "STRING").toUpperCase();
        if (!body.matches("STRING|STREAM")) {
            throw new IllegalArgumentException("--body (or APP_BODY) '" + body + "' must be STRING or STREAM");
        }
        String basicAuth = value(args, env, "basic-auth", "APP_BASIC_AUTH");
        if (basicAuth != null && basicAuth.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--basic-auth (or APP_BASIC_AUTH) must look like 'user:password'");
        }
        String awaitEach = orDefault(value(args, env, "await-each", "APP_AWAIT_EACH"), "false").toLowerCase();
        if (!awaitEach.matches("true|false")) {
            throw new IllegalArgumentException("--await-each (or APP_AWAIT_EACH) '" + awaitEach
                    + "' must be true or false");
        }
        AppOptions options = new AppOptions(urls,
                number(orDefault(value(args, env, "requests", "APP_REQUESTS"), "1"), "--requests (or APP_REQUESTS)", 1),
                number(orDefault(value(args, env, "pause-ms", "APP_PAUSE_MS"), "0"), "--pause-ms (or APP_PAUSE_MS)", 0),
                method, value(args, env, "header", "APP_HEADER"), mode, HttpClient.Redirect.valueOf(redirect),
                "STREAM".equals(body), basicAuth, Boolean.parseBoolean(awaitEach));
        options.backgroundUrl = value(args, env, "background-url", "APP_BACKGROUND_URL");
        return options;
    }

    /** A URL a second thread requests again and again while the main requests run, or null for none. */
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
        if ("ALTERNATE".equals(method)) {
            return n % 2 == 1 ? "GET" : "POST";
        }
        return method;
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

    private static List<String> urls(String[] args, Map<String, String> env) {
        List<String> urls = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--url=") && !arg.substring("--url=".length()).isBlank()) {
                urls.add(arg.substring("--url=".length()).trim());
            }
        }
        String fromEnv = env.get("APP_URL");
        if (urls.isEmpty() && fromEnv != null && !fromEnv.isBlank()) {
            urls.add(fromEnv.trim());
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("--url (or APP_URL) is required, e.g. --url=http://127.0.0.1:9100/api/hello");
        }
        return urls;
    }

    private static String value(String[] args, Map<String, String> env, String option, String variable) {
        String prefix = "--" + option + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return env.get(variable);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.trim().isEmpty() ? fallback : value.trim();
    }

    private static int number(String value, String what, int minimum) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a whole number");
        }
        if (number < minimum) {
            throw new IllegalArgumentException(what + " must be at least " + minimum + ", got " + number);
        }
        return number;
    }
}
