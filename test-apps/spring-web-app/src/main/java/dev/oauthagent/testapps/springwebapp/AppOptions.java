package dev.oauthagent.testapps.springwebapp;

import dev.oauthagent.testapps.support.CommandLine;
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
        List<String> known = new ArrayList<>(FREE);
        known.addAll(CHOICES.keySet());
        for (Map.Entry<String, String> option : CommandLine.options(args, String.join("|", known))) {
            String name = option.getKey();
            String value = option.getValue();
            if (name.equals("url")) {
                urls.add(uri(name, value));
            } else {
                values.put(name, CHOICES.containsKey(name)
                        ? CommandLine.oneOf(name, value.toUpperCase(), String.join("|", CHOICES.get(name))) : value);
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
        if (header != null) {
            CommandLine.header("header", header);
        }
        String background = values.get("background-url");
        backgroundUrl = background == null ? null : uri("background-url", background);
    }

    static AppOptions parse(String[] args) {
        return new AppOptions(args);
    }

    /** The method of the n-th request (1-based): GET, POST, or GET and POST in turn (ALTERNATE). */
    String methodFor(int n) {
        return CommandLine.methodFor(values.get("method"), n);
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

    private int count(String name, int fallback, int minimum) {
        String value = values.get(name);
        return value == null ? fallback : CommandLine.number(name, value, minimum);
    }

    private static URI uri(String name, String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' is not a URI: " + e.getMessage());
        }
    }
}
