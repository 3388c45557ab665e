package dev.oauthagent.bench.apps;

import java.net.URI;

import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4.5, classic: one client from {@code HttpClients.custom()}, a new {@code HttpGet} per GET. */
final class Apache4Sender implements Sender {
    private final CloseableHttpClient client = HttpClients.custom()
            .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(10_000).setSocketTimeout(30_000).build())
            .build();
    private final URI uri;

    Apache4Sender(URI uri) {
        this.uri = uri;
    }

    @Override
    public int get() throws Exception {
        try (CloseableHttpResponse response = client.execute(new HttpGet(uri))) {
            EntityUtils.toByteArray(response.getEntity());
            return response.getStatusLine().getStatusCode();
        }
    }
}
