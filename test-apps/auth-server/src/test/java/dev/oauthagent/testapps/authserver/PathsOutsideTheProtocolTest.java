package dev.oauthagent.testapps.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The test user's login must not change what the other paths answer: end-to-end tests point a token-url at "/" or
 * at a wrong path and expect Spring's 404 or 405, and read the token counts without logging in.
 */
class PathsOutsideTheProtocolTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    @Test
    void tokenRequestToTheRootOrAWrongPathIsNotFoundOrNotAllowedNotALoginRedirect() throws Exception {
        for (String path : new String[] {"/", "/oauth/token"}) {
            HttpResponse<String> response = post(path);
            assertThat(response.statusCode()).as(path).isIn(404, 405);
            assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
        }
    }

    @Test
    void issuedTokenCountsAndTheDeviceApprovedPageNeedNoLogin() throws Exception {
        assertThat(get("/__issued-tokens", "application/json").statusCode()).isEqualTo(200);
        HttpResponse<String> approved = get("/?success", "text/html");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("Device signed in");
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return HTTP.send(request(path).header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(request(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        URI uri = InProcessServer.shared().endpoint(path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    }
}
