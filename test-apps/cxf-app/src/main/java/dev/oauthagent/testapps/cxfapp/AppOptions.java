package dev.oauthagent.testapps.cxfapp;

import dev.oauthagent.testapps.support.CommandLine;
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

    private static final String NAMES = "url|requests|pause-ms|method|header|auto-redirect|relative-redirects"
            + "|background-url";

    static AppOptions parse(String[] args) {
        List<String> urls = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        for (Map.Entry<String, String> option : CommandLine.options(args, NAMES)) {
            if (option.getKey().equals("url")) {
                urls.add(option.getValue());
            } else {
                given.put(option.getKey(), option.getValue());
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
        if (header != null) {
            CommandLine.header("header", header);
        }
        String autoRedirect = given.get("auto-redirect");
        return new AppOptions(List.copyOf(urls), count(given, "requests", 1), count(given, "pause-ms", 0), method,
                header, autoRedirect == null ? null : CommandLine.bool("auto-redirect", autoRedirect),
                CommandLine.bool("relative-redirects", given.getOrDefault("relative-redirects", "false")), given.get("background-url"));
    }

    /** The address of the n-th call (1-based). */
    String urlOf(int n) {
        return urls.get((n - 1) / requests);
    }

    int total() {
        return urls.size() * requests;
    }

    private static int count(Map<String, String> given, String name, int minimum) {
        return CommandLine.number(name, given.getOrDefault(name, String.valueOf(minimum)), minimum);
    }
}
