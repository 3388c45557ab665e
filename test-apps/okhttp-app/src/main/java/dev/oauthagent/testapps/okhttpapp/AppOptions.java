package dev.oauthagent.testapps.okhttpapp;

import dev.oauthagent.testapps.support.OptionValues;
import java.util.List;
import dev.oauthagent.testapps.support.CommandLine;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions {
    private static final String KNOWN = "url|requests|pause-ms|method|header|header-via|mode|await-each"
            + "|follow-redirects|follow-ssl-redirects|body|basic-auth|background-url";

    private final OptionValues values;

    private AppOptions(OptionValues values) {
        this.values = values;
    }

    static AppOptions parse(String[] args) {
        AppOptions options = new AppOptions(OptionValues.parse(args, KNOWN));
        options.values.choice("method", "GET", "GET|POST|ALTERNATE");
        options.values.choice("header-via", "REQUEST", "REQUEST|INTERCEPTOR|NETWORK_INTERCEPTOR");
        options.values.choice("mode", "SYNC", "SYNC|ASYNC");
        options.values.choice("await-each", "false", "TRUE|FALSE");
        options.values.choice("follow-redirects", "true", "TRUE|FALSE");
        options.values.choice("follow-ssl-redirects", "true", "TRUE|FALSE");
        options.values.choice("body", "BYTES", "BYTES|ONE_SHOT");
        options.values.number("requests", "1", 1);
        options.values.number("pause-ms", "0", 0);
        options.values.header("header");
        String basic = options.values.get("basic-auth");
        if (basic != null && basic.indexOf(':') <= 0) {
            throw new IllegalArgumentException("--basic-auth must look like 'user:password'");
        }
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
}
