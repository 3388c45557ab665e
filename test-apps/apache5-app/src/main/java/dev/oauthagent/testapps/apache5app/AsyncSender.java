package dev.oauthagent.testapps.apache5app;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.H2AsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The async client: {@code HttpAsyncClients.custom()} (HTTP/1.1, or HTTP/2 where TLS negotiates it; one pooling
 * connection manager) or {@code HttpAsyncClients.customHttp2()} (HTTP/2 only: h2c with prior knowledge over http),
 * sending {@code SimpleHttpRequest}s, or the same through {@code SimpleRequestProducer}/{@code SimpleResponseConsumer}.
 * With {@code --minimal}: {@code HttpAsyncClients.createMinimal()} or {@code createHttp2Minimal()} (no exec chain:
 * no redirects, retries, request configuration, default headers or interceptors).
 */
final class AsyncSender implements Sender {
    private final AppOptions options;
    private final CloseableHttpAsyncClient client;

    AsyncSender(AppOptions options) {
        this.options = options;
        RequestConfig config = RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60))
                .setConnectTimeout(Timeout.ofSeconds(5)).setRedirectsEnabled(options.followRedirects).build();
        if (options.minimal) {
            this.client = "H2".equals(options.mode) ? HttpAsyncClients.createHttp2Minimal()
                    : HttpAsyncClients.createMinimal();
        } else if ("H2".equals(options.mode)) {
            H2AsyncClientBuilder builder = HttpAsyncClients.customHttp2().setDefaultRequestConfig(config)
                    .setDefaultHeaders(options.defaultHeaders());
            if (options.interceptor() != null) {
                builder.addRequestInterceptorLast(options.interceptor());
            }
            this.client = builder.build();
        } else {
            PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create();
            if (options.maxConnections > 0) {
                pool.setMaxConnTotal(options.maxConnections).setMaxConnPerRoute(options.maxConnections);
            }
            HttpAsyncClientBuilder builder = HttpAsyncClients.custom().setConnectionManager(pool.build())
                    .setDefaultRequestConfig(config).setDefaultHeaders(options.defaultHeaders());
            if (options.interceptor() != null) {
                builder.addRequestInterceptorLast(options.interceptor());
            }
            this.client = builder.build();
        }
        client.start();
    }

    @Override
    public CompletableFuture<Outcome> send(String url, String method) {
        SimpleRequestBuilder builder = SimpleRequestBuilder.create(method).setUri(url);
        if (options.headerName != null) {
            builder.addHeader(options.headerName, options.headerValue);
        }
        if ("POST".equals(method)) {
            builder.setBody(Apache5App.POST_BODY.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON);
        }
        SimpleHttpRequest request = builder.build();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        FutureCallback<SimpleHttpResponse> callback = new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                byte[] body = response.getBodyBytes();
                outcome.complete(new Outcome(response.getCode(), String.valueOf(response.getVersion()),
                        body == null ? 0 : body.length));
            }

            @Override
            public void failed(Exception e) {
                outcome.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                outcome.cancel(false);
            }
        };
        if ("PRODUCER".equals(options.api)) {
            client.execute(SimpleRequestProducer.create(request), SimpleResponseConsumer.create(), callback);
        } else {
            client.execute(request, callback);
        }
        return outcome;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
