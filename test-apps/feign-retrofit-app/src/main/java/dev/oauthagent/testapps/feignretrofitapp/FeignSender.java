package dev.oauthagent.testapps.feignretrofitapp;

import feign.Feign;
import feign.HeaderMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Target;
import feign.Util;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * OpenFeign as applications use it: a declarative interface, {@code Feign.builder()} with its defaults (the
 * {@code Retryer}, the encoder, the error decoder), and either Feign's default client (HttpURLConnection) or
 * feign-okhttp's over an {@link OkHttpClient} of the application's. The target URL is a {@link URI} argument.
 */
final class FeignSender implements Sender {
    private static final String BODY = "{\"message\":\"hello from a Feign app\"}";

    /** Returns {@link Response} so the program sees the status whatever it is, as Feign got it. */
    interface Api {
        @RequestLine("GET")
        Response get(URI url, @HeaderMap Map<String, Object> headers);

        @RequestLine("POST")
        Response post(URI url, @HeaderMap Map<String, Object> headers, String body);
    }

    private final Api api;
    private final OkHttpClient okHttp;

    private FeignSender(Api api, OkHttpClient okHttp) {
        this.api = api;
        this.okHttp = okHttp;
    }

    /** Feign's default client, or feign-okhttp's when {@code okHttp} is not null. */
    static FeignSender create(AppOptions options, OkHttpClient okHttp) {
        // Long enough for a test origin that holds its answer back while the agent's tokens rotate.
        Feign.Builder builder = Feign.builder()
                .options(new Request.Options(5, TimeUnit.SECONDS, 60, TimeUnit.SECONDS, options.followRedirects()));
        if (okHttp != null) {
            builder.client(new feign.okhttp.OkHttpClient(okHttp));
        }
        return new FeignSender(builder.target(Target.EmptyTarget.create(Api.class)), okHttp);
    }

    @Override
    public Reply send(String method, String url, Map<String, String> headers) throws IOException {
        Map<String, Object> headerMap = Collections.<String, Object>unmodifiableMap(headers);
        URI target = URI.create(url);
        try (Response response = "POST".equals(method) ? api.post(target, headerMap, BODY) : api.get(target, headerMap)) {
            return new Reply(response.status(), length(response.body()));
        }
    }

    private static int length(Response.Body body) throws IOException {
        if (body == null) {
            return 0;
        }
        try (InputStream in = body.asInputStream()) {
            return Util.toByteArray(in).length;
        }
    }

    @Override
    public String libraries() {
        return Sender.jarOf(Feign.class) + " " + (okHttp == null ? "HttpURLConnection"
                : Sender.jarOf(feign.okhttp.OkHttpClient.class) + " " + Sender.jarOf(OkHttpClient.class));
    }

    @Override
    public void close() {
        if (okHttp != null) {
            OkHttpClients.close(okHttp);
        }
    }
}
