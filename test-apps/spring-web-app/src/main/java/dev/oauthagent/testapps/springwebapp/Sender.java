package dev.oauthagent.testapps.springwebapp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.web.client.RestClientException;

/** Sends one request with RestTemplate or RestClient; the outcome line is the app's business. */
interface Sender {
    byte[] POST_BODY = "{\"message\":\"hello from a Spring app\"}".getBytes(StandardCharsets.UTF_8);

    /**
     * @return the answer, 3xx included; a 4xx or 5xx comes as Spring's {@code RestClientResponseException}, no
     *         answer as its {@code ResourceAccessException} (both {@link RestClientException}s)
     */
    Outcome send(URI url, String method) throws RestClientException;

    /** What came back: status and body length. */
    record Outcome(int status, long bytes) {
    }
}
