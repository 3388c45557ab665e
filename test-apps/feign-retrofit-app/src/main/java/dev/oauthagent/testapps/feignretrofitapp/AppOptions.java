package dev.oauthagent.testapps.feignretrofitapp;

import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.OptionValues;
import java.util.Collections;
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

    private static final String KNOWN = "url|requests|pause-ms|method|header|client|follow-redirects"
            + "|follow-ssl-redirects|background-url";

    private final OptionValues values;

    private AppOptions(OptionValues values) {
        this.values = values;
    }

    static AppOptions parse(String[] args) {
        AppOptions options = new AppOptions(OptionValues.parse(args, KNOWN));
        options.values.choice("method", "GET", "GET|POST");
        options.values.choice("client", "FEIGN_DEFAULT", "FEIGN_DEFAULT|FEIGN_OKHTTP|RETROFIT");
        options.values.choice("follow-redirects", "true", "TRUE|FALSE");
        options.values.choice("follow-ssl-redirects", "true", "TRUE|FALSE");
        options.values.number("requests", "1", 1);
        options.values.number("pause-ms", "0", 0);
        options.values.header("header");
        if (options.client() == Client.FEIGN_DEFAULT && !options.followSslRedirects()) {
            throw new IllegalArgumentException("--follow-ssl-redirects is OkHttp's setting: use it with"
                    + " --client=FEIGN_OKHTTP or RETROFIT (HttpURLConnection never follows a redirect to another scheme)");
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
        String[] nameAndValue = CommandLine.header("header", header);
        return Collections.singletonMap(nameAndValue[0], nameAndValue[1]);
    }

    /** A URL a second thread GETs every 100 ms with the same client while the requests run, or null. */
    String backgroundUrl() {
        return values.get("background-url");
    }
}
