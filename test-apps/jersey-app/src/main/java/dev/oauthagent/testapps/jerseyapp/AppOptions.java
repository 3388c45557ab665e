package dev.oauthagent.testapps.jerseyapp;

import dev.oauthagent.testapps.support.RequestOptions;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions extends RequestOptions {
    private AppOptions(String[] args) {
        super(args, "connector|follow-redirects", "GET|POST|ALTERNATE");
        values.choice("connector", "DEFAULT", "DEFAULT|APACHE5|APACHE");
        values.choice("follow-redirects", "DEFAULT", "DEFAULT|TRUE|FALSE");
    }

    static AppOptions parse(String[] args) {
        return new AppOptions(args);
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
}
