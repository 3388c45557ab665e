package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A token-url that answers 404 or 405 is not a token endpoint: the failure is terminal, and the server's
 * discovery document, looked up once at the same origin, supplies the URL to configure.
 */
class TokenEndpointClientDiscoveryTest {
    private static final String SPRING_404 = "{\"timestamp\":\"2026-01-01T00:00:00.000+00:00\",\"status\":404,"
            + "\"error\":\"Not Found\",\"path\":\"/oauth/token\"}";

    private FaultyTokenServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** POSTs get {@code post}; GETs of the RFC 8414 root document get metadata; every other GET a 404. */
    private URI serverWithMetadata(Function<RecordedRequest, Reply> post) throws IOException {
        server = FaultyTokenServer.http(r -> {
            if (r.method().equals("POST")) {
                return post.apply(r);
            }
            if (r.path().equals("/.well-known/oauth-authorization-server")) {
                String base = "http://127.0.0.1:" + server.tokenUrl().getPort();
                return Reply.json(200, "{\"issuer\":\"" + base + "\",\"token_endpoint\":\"" + base
                        + FaultyTokenServer.PATH + "\",\"grant_types_supported\":[\"client_credentials\"]}");
            }
            return Reply.json(404, SPRING_404);
        });
        return server.tokenUrl();
    }

    private TokenFetchException fetchFails(TokenEndpointClient client) {
        TokenFetchException e = catchThrowableOfType(TokenFetchException.class, client::fetch);
        assertThat(e).as("fetch should have failed").isNotNull();
        System.out.println(e.getMessage());
        assertThat(e.getMessage()).doesNotContain(TestClients.SECRET);
        return e;
    }

    private List<RecordedRequest> gets() {
        return server.requests().stream().filter(r -> r.method().equals("GET")).collect(Collectors.toList());
    }

    @Test
    void wrongPathAnswering404WithSpringJsonIsTerminalAndShowsTheDiscoveredTokenEndpoint() throws Exception {
        URI wrong = serverWithMetadata(r -> Reply.json(404, SPRING_404)).resolve("/oauth/token");

        TokenFetchException e = fetchFails(new TokenEndpointClient(TestClients.billing(wrong).build()));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("answered HTTP 404 (no such path): this is not the token endpoint;"
                + " check oauth.agent.clients.billing.token-url.")
                .contains("The server's discovery document " + wrong.resolve("/.well-known/oauth-authorization-server")
                        + " names token_endpoint " + wrong.resolve(FaultyTokenServer.PATH)
                        + "; set oauth.agent.clients.billing.token-url to it.");
    }

    @Test
    void issuerAnswering405IsTerminalAndTheLookUpSendsNoCredentials() throws Exception {
        URI issuer = serverWithMetadata(r -> Reply.json(405, "")).resolve("/");

        TokenFetchException e = fetchFails(new TokenEndpointClient(TestClients.billing(issuer).build()));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("answered HTTP 405 (it does not take POST)").contains("names token_endpoint");
        assertThat(gets()).isNotEmpty().allSatisfy(get -> {
            assertThat(get.header("Authorization")).isNull();
            assertThat(get.body()).isEmpty();
        });
    }

    @Test
    void theLookUpHappensOnceHoweverOftenTheTokenRequestFails() throws Exception {
        URI wrong = serverWithMetadata(r -> Reply.json(404, SPRING_404)).resolve("/oauth/token");
        TokenEndpointClient client = new TokenEndpointClient(TestClients.billing(wrong).build());

        TokenFetchException first = fetchFails(client);
        int getsAfterFirst = gets().size();
        TokenFetchException second = fetchFails(client);

        assertThat(getsAfterFirst).isPositive();
        assertThat(gets()).hasSize(getsAfterFirst);
        assertThat(second.getMessage()).isEqualTo(first.getMessage());
    }

    @Test
    void withoutADiscoveryDocumentTheMessageStillSaysToCheckTheTokenUrl() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.of(404, "text/html", "<html><body>Not Found</body></html>"));

        TokenFetchException e = fetchFails(new TokenEndpointClient(TestClients.billing(server.tokenUrl()).build()));

        assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
        assertThat(e.getMessage()).contains("answered HTTP 404 with an HTML page (no such path)")
                .contains("check oauth.agent.clients.billing.token-url").doesNotContain("discovery document http");
        assertThat(gets()).hasSizeLessThanOrEqualTo(DiscoveryDocumentUrls.MAX_CANDIDATES + 2);
    }
}
