package dev.oauthagent.bench.apps;

import java.net.URI;
import java.time.Duration;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** OkHttp: one client (its connection pool), a new {@code Request} per GET, as applications build them. */
final class OkHttpSender implements Sender {
    private final OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .build();
    private final String url;

    OkHttpSender(URI uri) {
        this.url = uri.toString();
    }

    @Override
    public int get() throws Exception {
        Request request = new Request.Builder().url(url).build();
        try (Response response = client.newCall(request).execute()) {
            response.body().bytes();
            return response.code();
        }
    }
}
