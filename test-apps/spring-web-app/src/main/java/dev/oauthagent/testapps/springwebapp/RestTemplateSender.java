package dev.oauthagent.testapps.springwebapp;

import java.net.URI;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestTemplate;

/** {@code RestTemplate.exchange(URI, ...)}, one template for every request, on the factory given (default: its own). */
final class RestTemplateSender implements Sender {
    private final RestTemplate template;
    private final String header;

    RestTemplateSender(ClientHttpRequestFactory factory, AppOptions options) {
        this.template = factory == null ? new RestTemplate() : new RestTemplate(factory);
        this.template.getInterceptors().add(new AppInterceptor(options.interceptorHeader()));
        this.header = options.requestHeader();
    }

    @Override
    public Outcome send(URI url, String method) {
        HttpHeaders headers = new HttpHeaders();
        if (header != null) {
            headers.set(AppOptions.name(header), AppOptions.value(header));
        }
        HttpEntity<byte[]> entity;
        if ("POST".equals(method)) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            entity = new HttpEntity<>(POST_BODY, headers);
        } else {
            entity = new HttpEntity<>(headers);
        }
        ResponseEntity<byte[]> response = template.exchange(url, HttpMethod.valueOf(method), entity, byte[].class);
        byte[] body = response.getBody();
        return new Outcome(response.getStatusCode().value(), body == null ? 0 : body.length);
    }
}
