package dev.oauthagent.testapps.okhttpapp;

import dev.oauthagent.testapps.support.RequestOptions;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions extends RequestOptions {
    private AppOptions(String[] args) {
        super(args, "header-via|mode|await-each|follow-redirects|follow-ssl-redirects|body|basic-auth",
                "GET|POST|ALTERNATE");
        values.choice("header-via", "REQUEST", "REQUEST|INTERCEPTOR|NETWORK_INTERCEPTOR");
        values.choice("mode", "SYNC", "SYNC|ASYNC");
        values.choice("await-each", "false", "TRUE|FALSE");
        values.choice("follow-redirects", "true", "TRUE|FALSE");
        values.choice("follow-ssl-redirects", "true", "TRUE|FALSE");
        values.choice("body", "BYTES", "BYTES|ONE_SHOT");
        String basic = values.get("basic-auth");
        if (basic != null && basic.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--basic-auth must look like 'user:password'");
        }
    }

    static AppOptions parse(String[] args) {
        return new AppOptions(args);
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

    /** Where {@link #header()} is added: on the request, by the application or the network interceptor. */
    String headerVia() {
        return values.get("header-via");
    }

    /** {@code user:password} the client's {@code Authenticator} answers Basic challenges with, or null. */
    String basicAuth() {
        return values.get("basic-auth");
    }
}
