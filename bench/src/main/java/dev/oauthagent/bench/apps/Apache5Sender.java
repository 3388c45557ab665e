package dev.oauthagent.bench.apps;

import java.net.URI;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/** Apache HttpClient 5, classic: one client from {@code HttpClients.custom()}, a new {@code HttpGet} per GET. */
final class Apache5Sender implements Sender {
    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                            .setSocketTimeout(Timeout.ofSeconds(30)).build())
                    .build())
            .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
            .build();
    private final URI uri;

    Apache5Sender(URI uri) {
        this.uri = uri;
    }

    @Override
    public int get() throws Exception {
        return client.execute(new HttpGet(uri), response -> {
            EntityUtils.toByteArray(response.getEntity());
            return response.getCode();
        });
    }
}
