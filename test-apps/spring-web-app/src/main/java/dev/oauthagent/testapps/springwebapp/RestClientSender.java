package dev.oauthagent.testapps.springwebapp;

import java.net.URI;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * {@code RestClient...retrieve().toEntity(byte[].class)}, one client for every request, on the factory given or,
 * without one, the factory {@code RestClient.builder()} picks from the class path.
 */
final class RestClientSender implements Sender {
    private final RestClient client;
    private final String header;

    RestClientSender(ClientHttpRequestFactory factory, AppOptions options) {
        RestClient.Builder builder = RestClient.builder()
                .requestInterceptor(new AppInterceptor(options.interceptorHeader()));
        if (factory != null) {
            builder.requestFactory(factory);
        }
        this.client = builder.build();
        this.header = options.requestHeader();
    }

    @Override
    public Outcome send(URI url, String method) {
        RestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method)).uri(url);
        if (header != null) {
            request.header(AppOptions.name(header), AppOptions.value(header));
        }
        if ("POST".equals(method)) {
            request.contentType(MediaType.APPLICATION_JSON).body(POST_BODY);
        }
        ResponseEntity<byte[]> response = request.retrieve().toEntity(byte[].class);
        byte[] body = response.getBody();
        return new Outcome(response.getStatusCode().value(), body == null ? 0 : body.length);
    }
}
