package dev.oauthagent.testapps.feignretrofitapp;

import dev.oauthagent.testapps.support.CommandLine;
import dev.oauthagent.testapps.support.RequestOptions;
import java.util.Collections;
import java.util.Map;

/** Command-line options ({@code --name=value}), checked up front: a bad one is a message naming it and its values. */
final class AppOptions extends RequestOptions {
    /** Which framework sends, and over which client. */
    enum Client {
        /** Feign's default {@code Client.Default}: HttpURLConnection. */
        FEIGN_DEFAULT,
        /** {@code feign.okhttp.OkHttpClient}: OkHttp. */
        FEIGN_OKHTTP,
        /** Retrofit: OkHttp. */
        RETROFIT
    }

    private AppOptions(String[] args) {
        super(args, "client|follow-redirects|follow-ssl-redirects", "GET|POST");
        values.choice("client", "FEIGN_DEFAULT", "FEIGN_DEFAULT|FEIGN_OKHTTP|RETROFIT");
        values.choice("follow-redirects", "true", "TRUE|FALSE");
        values.choice("follow-ssl-redirects", "true", "TRUE|FALSE");
        if (client() == Client.FEIGN_DEFAULT && !followSslRedirects()) {
            throw new IllegalArgumentException("--follow-ssl-redirects is OkHttp's setting: use it with"
                    + " --client=FEIGN_OKHTTP or RETROFIT (HttpURLConnection never follows a redirect to another scheme)");
        }
    }

    static AppOptions parse(String[] args) {
        return new AppOptions(args);
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
        String header = header();
        if (header == null) {
            return Collections.emptyMap();
        }
        String[] nameAndValue = CommandLine.header("header", header);
        return Collections.singletonMap(nameAndValue[0], nameAndValue[1]);
    }
}
