package dev.oauthagent.testapps.okhttpapp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions {
    private static final List<String> KNOWN = Arrays.asList("url", "requests", "pause-ms", "method", "header",
            "header-via", "mode", "await-each", "follow-redirects", "follow-ssl-redirects", "body", "basic-auth",
            "background-url");

    private final List<String> urls = new ArrayList<String>();
    private final Map<String, String> values = new LinkedHashMap<String, String>();

    private AppOptions() {
    }

    static AppOptions parse(String[] args) {
        AppOptions options = new AppOptions();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --" + join(KNOWN));
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
        options.choice("method", "GET", "GET", "POST", "ALTERNATE");
        options.choice("header-via", "REQUEST", "REQUEST", "INTERCEPTOR", "NETWORK_INTERCEPTOR");
        options.choice("mode", "SYNC", "SYNC", "ASYNC");
        options.choice("await-each", "false", "true", "false");
        options.choice("follow-redirects", "true", "true", "false");
        options.choice("follow-ssl-redirects", "true", "true", "false");
        options.choice("body", "BYTES", "BYTES", "ONE_SHOT");
        options.number("requests", "1", 1);
        options.number("pause-ms", "0", 0);
        String header = options.values.get("header");
        if (header != null && header.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--header '" + header + "' must look like 'Name: value'");
        }
        String basic = options.values.get("basic-auth");
        if (basic != null && basic.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--basic-auth must look like 'user:password'");
        }
        return options;
    }

    /** Every {@code --url}, in order; each gets {@link #requests()} requests. */
    List<String> urls() {
        return Collections.unmodifiableList(urls);
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

    /** {@code execute()} one request after another, or {@code enqueue()}. */
    boolean async() {
        return "ASYNC".equals(values.get("mode"));
    }

    /** ASYNC: enqueue each request only once the one before has completed. */
    boolean awaitEach() {
        return Boolean.parseBoolean(values.get("await-each"));
    }

    boolean followRedirects() {
        return Boolean.parseBoolean(values.get("follow-redirects"));
    }

    boolean followSslRedirects() {
        return Boolean.parseBoolean(values.get("follow-ssl-redirects"));
    }

    /** POST bodies: BYTES (OkHttp may send them again) or ONE_SHOT ({@code isOneShot()}: it may not, 3.14+). */
    boolean oneShotBody() {
        return "ONE_SHOT".equals(values.get("body"));
    }

    /** {@code Name: value} or null; where it is added: on the request, by the application or network interceptor. */
    String header() {
        return values.get("header");
    }

    String headerVia() {
        return values.get("header-via");
    }

    /** {@code user:password} the client's {@code Authenticator} answers Basic challenges with, or null. */
    String basicAuth() {
        return values.get("basic-auth");
    }

    /** A URL a second thread GETs every 100 ms with the same client while the requests run, or null. */
    String backgroundUrl() {
        return values.get("background-url");
    }

    private void choice(String name, String fallback, String... allowed) {
        String value = values.containsKey(name) ? values.get(name).toUpperCase() : fallback.toUpperCase();
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                values.put(name, candidate);
                return;
            }
        }
        throw new IllegalArgumentException("--" + name + " '" + value + "' must be one of " + join(Arrays.asList(allowed)));
    }

    private void number(String name, String fallback, int minimum) {
        String value = values.containsKey(name) ? values.get(name) : fallback;
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' is not a whole number");
        }
        if (parsed < minimum) {
            throw new IllegalArgumentException("--" + name + " must be at least " + minimum + ", got " + value);
        }
        values.put(name, value);
    }

    private static String join(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            out.append(out.length() == 0 ? "" : ", ").append(word);
        }
        return out.toString();
    }
}
