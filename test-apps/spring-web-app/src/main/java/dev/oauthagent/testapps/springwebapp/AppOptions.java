package dev.oauthagent.testapps.springwebapp;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and what it takes.
 * Each option with a fixed set of values is a line of {@link #CHOICES}, its first value the default.
 */
final class AppOptions {
    private static final Map<String, List<String>> CHOICES = new LinkedHashMap<>();
    private static final List<String> FREE = List.of("url", "requests", "pause-ms", "header", "background-url");

    static {
        CHOICES.put("method", List.of("GET", "POST", "ALTERNATE"));
        // REQUEST: on the request itself; INTERCEPTOR: set by the application's ClientHttpRequestInterceptor.
        CHOICES.put("header-via", List.of("REQUEST", "INTERCEPTOR"));
        CHOICES.put("api", List.of("REST_TEMPLATE", "REST_CLIENT"));
        // DEFAULT: what the api picks by itself.
        CHOICES.put("factory", List.of("DEFAULT", "SIMPLE", "JDK", "HTTP_COMPONENTS", "OKHTTP3"));
    }

    final List<URI> urls = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    final int requests;
    final long pauseMillis;
    final String api;
    final String factory;
    /** {@code Name: value} or null. */
    final String header;
    final URI backgroundUrl;

    private AppOptions(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
            if (!FREE.contains(name) && !CHOICES.containsKey(name)) {
                List<String> known = new ArrayList<>(FREE);
                known.addAll(CHOICES.keySet());
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --"
                        + String.join(", --", known));
            }
            String value = arg.substring(eq + 1).trim();
            if (name.equals("url")) {
                urls.add(uri(name, value));
            } else {
                values.put(name, CHOICES.containsKey(name) ? choice(name, value) : value);
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("--url is required, e.g. --url=http://127.0.0.1:9100/api/hello");
        }
        CHOICES.forEach((name, allowed) -> values.putIfAbsent(name, allowed.get(0)));
        requests = count("requests", 1, 1);
        pauseMillis = count("pause-ms", 0, 0);
        api = values.get("api");
        factory = values.get("factory");
        header = values.get("header");
        if (header != null && header.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--header '" + header + "' must look like 'Name: value'");
        }
        String background = values.get("background-url");
        backgroundUrl = background == null ? null : uri("background-url", background);
    }

    static AppOptions parse(String[] args) {
        return new AppOptions(args);
    }

    /** The method of the n-th request (1-based): GET, POST, or GET and POST in turn (ALTERNATE). */
    String methodFor(int n) {
        String method = values.get("method");
        return "ALTERNATE".equals(method) ? (n % 2 == 1 ? "GET" : "POST") : method;
    }

    /** The URL of the i-th request (0-based): each URL in turn, {@code --requests} times. */
    URI urlFor(int i) {
        return urls.get(i / requests);
    }

    int total() {
        return urls.size() * requests;
    }

    /** {@code --header} when it goes on the request itself, else null. */
    String requestHeader() {
        return "REQUEST".equals(values.get("header-via")) ? header : null;
    }

    /** {@code --header} when the application's interceptor sets it, else null. */
    String interceptorHeader() {
        return "INTERCEPTOR".equals(values.get("header-via")) ? header : null;
    }

    static String name(String header) {
        return header.substring(0, header.indexOf(':')).trim();
    }

    static String value(String header) {
        return header.substring(header.indexOf(':') + 1).trim();
    }

    private static String choice(String name, String value) {
        String upper = value.toUpperCase();
        if (!CHOICES.get(name).contains(upper)) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' must be one of "
                    + String.join(", ", CHOICES.get(name)));
        }
        return upper;
    }

    private int count(String name, int fallback, int minimum) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < minimum) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' must be a whole number of at least "
                    + minimum);
        }
        return Integer.parseInt(value);
    }

    private static URI uri(String name, String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' is not a URI: " + e.getMessage());
        }
    }
}
