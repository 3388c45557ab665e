package dev.oauthagent.testapps.jerseyapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions {
    private static final List<String> KNOWN = List.of("url", "requests", "pause-ms", "method", "header", "connector",
            "follow-redirects", "background-url");

    private final List<String> urls = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private AppOptions() {
    }

    static AppOptions parse(String[] args) {
        AppOptions options = new AppOptions();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --"
                        + String.join(", --", KNOWN));
            }
            String value = arg.substring(equals + 1).trim();
            if (name.equals("url")) {
                options.urls.add(value);
            } else {
                options.values.put(name, value);
            }
        }
        if (options.urls.isEmpty()) {
            throw new IllegalArgumentException("--url is required, e.g. --url=http://127.0.0.1:9100/api/hello");
        }
        options.oneOf("method", "GET", "GET", "POST", "ALTERNATE");
        options.oneOf("connector", "DEFAULT", "DEFAULT", "APACHE5", "APACHE");
        options.oneOf("follow-redirects", "DEFAULT", "DEFAULT", "TRUE", "FALSE");
        options.atLeast("requests", "1", 1);
        options.atLeast("pause-ms", "0", 0);
        String header = options.header();
        if (header != null && header.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--header '" + header + "' must look like 'Name: value'");
        }
        return options;
    }

    /** Every {@code --url}, in order; each gets {@link #requests()} requests. */
    List<String> urls() {
        return List.copyOf(urls);
    }

    int requests() {
        return Integer.parseInt(values.get("requests"));
    }

    long pauseMillis() {
        return Long.parseLong(values.get("pause-ms"));
    }

    /** The method of the n-th request (1-based): GET, POST, or GET and POST in turn (ALTERNATE). */
    String methodFor(int n) {
        String method = values.get("method");
        return "ALTERNATE".equals(method) ? (n % 2 == 1 ? "GET" : "POST") : method;
    }

    /**
     * DEFAULT (Jersey's own, on HttpURLConnection), APACHE5 (jersey-apache5-connector) or APACHE
     * (jersey-apache-connector, on Apache HttpClient 4: with Jersey 3.1's jars only).
     */
    String connector() {
        return values.get("connector");
    }

    /** {@code ClientProperties.FOLLOW_REDIRECTS}: TRUE or FALSE, or DEFAULT to leave it unset (Jersey's default). */
    String followRedirects() {
        return values.get("follow-redirects");
    }

    /** {@code Name: value} or null. */
    String header() {
        return values.get("header");
    }

    /** A URL a second thread GETs every 100 ms with the same client while the requests run, or null. */
    String backgroundUrl() {
        return values.get("background-url");
    }

    private void oneOf(String name, String fallback, String... allowed) {
        String value = values.getOrDefault(name, fallback);
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                values.put(name, candidate);
                return;
            }
        }
        throw new IllegalArgumentException("--" + name + " '" + value + "' must be one of " + String.join(", ", allowed));
    }

    private void atLeast(String name, String fallback, long minimum) {
        String value = values.getOrDefault(name, fallback);
        try {
            if (Long.parseLong(value) >= minimum) {
                values.put(name, value);
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " '" + value + "' must be a whole number, at least " + minimum);
    }
}
