package dev.oauthagent.testapps.apache5app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The classic client ({@code HttpClients.custom()}, or {@code HttpClients.createMinimal()} with {@code --minimal}; one
 * pooling connection manager for every request), with {@code execute(request, responseHandler)} or
 * {@code execute(request)} and a {@code CloseableHttpResponse}.
 */
final class ClassicSender implements Sender {
    private static final RequestConfig CONFIG = RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60))
            .setConnectTimeout(Timeout.ofSeconds(5)).build();

    private final AppOptions options;
    private final CloseableHttpClient client;

    ClassicSender(AppOptions options) {
        this.options = options;
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create();
        if (options.maxConnections > 0) {
            pool.setMaxConnTotal(options.maxConnections).setMaxConnPerRoute(options.maxConnections);
        }
        if (options.minimal) {
            this.client = HttpClients.createMinimal(pool.build());
            return;
        }
        HttpClientBuilder builder = HttpClients.custom().setConnectionManager(pool.build())
                .setDefaultRequestConfig(CONFIG).setDefaultHeaders(options.defaultHeaders());
        if (!options.followRedirects) {
            builder.disableRedirectHandling();
        }
        if (options.interceptor() != null) {
            builder.addRequestInterceptorLast(options.interceptor());
        }
        this.client = builder.build();
    }

    @Override
    public CompletableFuture<Outcome> send(String url, String method) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, java.net.URI.create(url));
        if (options.minimal) {
            request.setConfig(CONFIG); // the minimal client has no default request config
        }
        if (options.headerName != null) {
            request.addHeader(options.headerName, options.headerValue);
        }
        if ("POST".equals(method)) {
            byte[] body = Apache5App.POST_BODY.getBytes(StandardCharsets.UTF_8);
            request.setEntity(options.streamBody
                    ? new InputStreamEntity(new ByteArrayInputStream(body), body.length, ContentType.APPLICATION_JSON)
                    : new StringEntity(Apache5App.POST_BODY, ContentType.APPLICATION_JSON));
        }
        try {
            if ("RESPONSE".equals(options.api)) {
                try (CloseableHttpResponse response = client.execute(request)) {
                    return CompletableFuture.completedFuture(outcome(response));
                }
            }
            return CompletableFuture.completedFuture(client.execute(request, ClassicSender::outcome));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Outcome outcome(ClassicHttpResponse response) throws IOException {
        long bytes = response.getEntity() == null ? 0 : EntityUtils.toByteArray(response.getEntity()).length;
        return new Outcome(response.getCode(), String.valueOf(response.getVersion()), bytes);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
