package dev.oauthagent.testapps.feignretrofitapp;

import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** The application's own {@link OkHttpClient}, which feign-okhttp and Retrofit send through. */
final class OkHttpClients {
    private OkHttpClients() {
    }

    static OkHttpClient build(AppOptions options) {
        return new OkHttpClient.Builder()
                .connectTimeout(5, TimeUnit.SECONDS)
                // Long enough for a test origin that holds its answer back while the agent's tokens rotate.
                .readTimeout(60, TimeUnit.SECONDS)
                .followRedirects(options.followRedirects())
                .followSslRedirects(options.followSslRedirects())
                .build();
    }

    static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
