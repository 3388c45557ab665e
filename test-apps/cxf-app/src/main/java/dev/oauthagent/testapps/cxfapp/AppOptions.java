package dev.oauthagent.testapps.cxfapp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program's options, each {@code --name=value}, checked before anything is sent.
 *
 * @param urls          the service addresses, in order; each gets {@code requests} calls
 * @param method        always POST: the contract's option, kept so a caller asking for anything else learns why not
 * @param header        {@code Name: value} the application adds to every call, or null
 * @param autoRedirect  {@code HTTPClientPolicy.setAutoRedirect}, or null to leave CXF's default (false)
 * @param relativeRedirects the {@code http.redirect.relative.uri} property: follow a relative {@code Location} too
 * @param backgroundUrl another thread calls this address every 100 ms while the calls run, or null
 */
record AppOptions(List<String> urls, int requests, long pauseMillis, String method, String header, Boolean autoRedirect,
        boolean relativeRedirects, String backgroundUrl) {

    private static final List<String> NAMES = List.of("url", "requests", "pause-ms", "method", "header", "auto-redirect",
            "relative-redirects", "background-url");

    static AppOptions parse(String[] args) {
        List<String> urls = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals > 2 && arg.startsWith("--") ? arg.substring(2, equals) : "";
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "': options are --" + String.join(", --", NAMES));
            }
            if (name.equals("url")) {
                urls.add(arg.substring(equals + 1));
            } else {
                given.put(name, arg.substring(equals + 1));
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("--url is required: the service's address, e.g. http://127.0.0.1:9100/api/notes");
        }
        String method = given.getOrDefault("method", "POST").toUpperCase();
        if (!method.equals("POST")) {
            throw new IllegalArgumentException("--method '" + method + "': a SOAP call over HTTP is a POST, the only method");
        }
        String header = given.get("header");
        if (header != null && header.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--header '" + header + "' must look like 'Name: value'");
        }
        String autoRedirect = given.get("auto-redirect");
        return new AppOptions(List.copyOf(urls), (int) count(given, "requests", 1), count(given, "pause-ms", 0), method,
                header, autoRedirect == null ? null : bool("auto-redirect", autoRedirect),
                bool("relative-redirects", given.getOrDefault("relative-redirects", "false")), given.get("background-url"));
    }

    /** The address of the n-th call (1-based). */
    String urlOf(int n) {
        return urls.get((n - 1) / requests);
    }

    int total() {
        return urls.size() * requests;
    }

    private static long count(Map<String, String> given, String name, long minimum) {
        String value = given.getOrDefault(name, String.valueOf(minimum));
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("--" + name + " '" + value + "' must be a whole number, at least " + minimum);
    }

    private static boolean bool(String name, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("--" + name + " '" + value + "' must be true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
