package dev.oauthagent.bench.apps;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5, async (HTTP/1.1 over plain http): one started client from {@code HttpAsyncClients.custom()},
 * a new request per GET, waited for on the sending thread. Its I/O runs on the client's reactor thread: the process
 * CPU counts it, the sending thread's does not.
 */
final class Apache5AsyncSender implements Sender {
    private static final long TIMEOUT_SECONDS = 30;

    private final CloseableHttpAsyncClient client = HttpAsyncClients.custom()
            .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(Timeout.ofSeconds(10))
                    .setResponseTimeout(Timeout.ofSeconds(TIMEOUT_SECONDS)).build())
            .build();
    private final URI uri;

    Apache5AsyncSender(URI uri) {
        this.uri = uri;
        client.start();
    }

    @Override
    public int get() throws Exception {
        SimpleHttpRequest request = SimpleRequestBuilder.get(uri).build();
        return client.execute(request, null).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getCode();
    }
}
