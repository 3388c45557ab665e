package dev.oauthagent.testapps.urlconnectionapp;

import java.util.ArrayList;
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

    private AppOptions(List<String> urls, int requests, long pauseMillis, String method, String header,
            boolean followRedirects) {
        this.urls = Collections.unmodifiableList(urls);
        this.followRedirects = followRedirects;
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
            if (!arg.matches("--(url|requests|pause-ms|method|header|follow-redirects|body|read|background-url)=.*")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --url, --requests,"
                        + " --pause-ms, --method, --header, --follow-redirects, --body, --read, --background-url");
            }
        }
        List<String> urls = urls(args, env);
        String method = orDefault(value(args, env, "method", "APP_METHOD"), "GET").toUpperCase();
        if (!method.matches("GET|POST|ALTERNATE")) {
            throw new IllegalArgumentException("--method (or APP_METHOD) '" + method
                    + "' must be GET, POST or ALTERNATE");
        }
        String follow = orDefault(value(args, env, "follow-redirects", "APP_FOLLOW_REDIRECTS"), "true").toLowerCase();
        if (!follow.matches("true|false")) {
            throw new IllegalArgumentException("--follow-redirects (or APP_FOLLOW_REDIRECTS) '" + follow
                    + "' must be true or false");
        }
        String body = orDefault(value(args, env, "body", "APP_BODY"), "FIXED").toUpperCase();
        if (!body.matches("FIXED|CHUNKED|BUFFERED")) {
            throw new IllegalArgumentException("--body (or APP_BODY) '" + body + "' must be FIXED, CHUNKED or BUFFERED");
        }
        String read = orDefault(value(args, env, "read", "APP_READ"), "CODE_FIRST").toUpperCase();
        if (!read.matches("CODE_FIRST|STREAM_FIRST")) {
            throw new IllegalArgumentException("--read (or APP_READ) '" + read + "' must be CODE_FIRST or STREAM_FIRST");
        }
        AppOptions options = new AppOptions(urls,
                number(orDefault(value(args, env, "requests", "APP_REQUESTS"), "1"), "--requests (or APP_REQUESTS)", 1),
                number(orDefault(value(args, env, "pause-ms", "APP_PAUSE_MS"), "0"), "--pause-ms (or APP_PAUSE_MS)", 0),
                method, value(args, env, "header", "APP_HEADER"), Boolean.parseBoolean(follow));
        options.body = body;
        options.streamFirst = "STREAM_FIRST".equals(read);
        options.backgroundUrl = value(args, env, "background-url", "APP_BACKGROUND_URL");
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
        if ("ALTERNATE".equals(method)) {
            return n % 2 == 1 ? "GET" : "POST";
        }
        return method;
    }

    String headerName() {
        return headerName;
    }

    String headerValue() {
        return headerValue;
    }

    private static List<String> urls(String[] args, Map<String, String> env) {
        List<String> urls = new ArrayList<String>();
        for (String arg : args) {
            if (arg.startsWith("--url=") && !arg.substring("--url=".length()).trim().isEmpty()) {
                urls.add(arg.substring("--url=".length()).trim());
            }
        }
        String fromEnv = env.get("APP_URL");
        if (urls.isEmpty() && fromEnv != null && !fromEnv.trim().isEmpty()) {
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
