package dev.oauthagent.testapps.feignretrofitapp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions {
    /** Which framework sends, and over which client. */
    enum Client {
        /** Feign's default {@code Client.Default}: HttpURLConnection. */
        FEIGN_DEFAULT,
        /** {@code feign.okhttp.OkHttpClient}: OkHttp. */
        FEIGN_OKHTTP,
        /** Retrofit: OkHttp. */
        RETROFIT
    }

    private static final List<String> KNOWN = Arrays.asList("url", "requests", "pause-ms", "method", "header",
            "client", "follow-redirects", "follow-ssl-redirects", "background-url");

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
        options.choice("method", "GET", "GET", "POST");
        options.choice("client", "FEIGN_DEFAULT", "FEIGN_DEFAULT", "FEIGN_OKHTTP", "RETROFIT");
        options.choice("follow-redirects", "true", "true", "false");
        options.choice("follow-ssl-redirects", "true", "true", "false");
        options.number("requests", "1", 1);
        options.number("pause-ms", "0", 0);
        String header = options.values.get("header");
        if (header != null && header.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--header '" + header + "' must look like 'Name: value'");
        }
        if (options.client() == Client.FEIGN_DEFAULT && !options.followSslRedirects()) {
            throw new IllegalArgumentException("--follow-ssl-redirects is OkHttp's setting: use it with"
                    + " --client=FEIGN_OKHTTP or RETROFIT (HttpURLConnection never follows a redirect to another scheme)");
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

    String method() {
        return values.get("method");
    }

    Client client() {
        return Client.valueOf(values.get("client"));
    }

    boolean followRedirects() {
        return Boolean.parseBoolean(values.get("follow-redirects"));
    }

    boolean followSslRedirects() {
        return Boolean.parseBoolean(values.get("follow-ssl-redirects"));
    }

    /** {@code Name} to {@code value} of {@code --header}, or nothing. */
    Map<String, String> headers() {
        String header = values.get("header");
        if (header == null) {
            return Collections.emptyMap();
        }
        int colon = header.indexOf(':');
        return Collections.singletonMap(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
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
