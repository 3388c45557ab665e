package dev.oauthagent.testapps.jerseyapp;

import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.OptionValues;
import java.util.List;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions {
    private static final String KNOWN = "url|requests|pause-ms|method|header|connector|follow-redirects|background-url";

    private final OptionValues values;

    private AppOptions(OptionValues values) {
        this.values = values;
    }

    static AppOptions parse(String[] args) {
        AppOptions options = new AppOptions(OptionValues.parse(args, KNOWN));
        options.values.choice("method", "GET", "GET|POST|ALTERNATE");
        options.values.choice("connector", "DEFAULT", "DEFAULT|APACHE5|APACHE");
        options.values.choice("follow-redirects", "DEFAULT", "DEFAULT|TRUE|FALSE");
        options.values.number("requests", "1", 1);
        options.values.number("pause-ms", "0", 0);
        options.values.header("header");
        return options;
    }

    /** Every {@code --url}, in order; each gets {@link #requests()} requests. */
    List<String> urls() {
        return values.urls();
    }

    int requests() {
        return Integer.parseInt(values.get("requests"));
    }

    long pauseMillis() {
        return Long.parseLong(values.get("pause-ms"));
    }

    /** The method of the n-th request (1-based): GET, POST, or GET and POST in turn (ALTERNATE). */
    String methodFor(int n) {
        return CommandLine.methodFor(values.get("method"), n);
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
}
