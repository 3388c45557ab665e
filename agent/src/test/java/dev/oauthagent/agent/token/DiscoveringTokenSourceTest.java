package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client with issuer fetching tokens: the document read once for many token requests, read again once after
 * the token endpoint answered 404 or did not answer, and a new token endpoint used when the document names one.
 */
class DiscoveringTokenSourceTest {
    private IssuerServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }


    /** Builds a TokenEndpointClient per discovered client, remembering each client's token-url. */
    private static final class RecordingSources implements DiscoveringTokenSource.Sources {
        final List<URI> built = new ArrayList<>();

        @Override
        public TokenSource forClient(ClientConfig client) {
            built.add(client.tokenUrl());
            return new TokenEndpointClient(client);
        }
    }

    private DiscoveringTokenSource source(RecordingSources sources) {
        return new DiscoveringTokenSource(TestClients.billing(null).issuer(URI.create(server.base())).build(), sources);
    }

    @Test
    void manyTokenRequestsReadTheDocumentOnce() throws Exception {
        server = IssuerServer.start(r -> r.method().equals("GET")
                ? Reply.json(200, IssuerDiscoveryTest.document(server.base(), server.base()))
                : Reply.json(200, TokenEndpointClientTest.OK_BODY));
        RecordingSources sources = new RecordingSources();
        DiscoveringTokenSource source = source(sources);

        for (int i = 0; i < 5; i++) {
            assertThat(source.fetch().value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        }

        assertThat(server.paths("GET")).containsExactly(IssuerDiscoveryTest.RFC8414);
        assertThat(server.paths("POST")).hasSize(5).containsOnly("/oauth2/token");
        assertThat(sources.built).containsExactly(URI.create(server.base() + "/oauth2/token"));
    }

    @Test
    void aTokenEndpointAnswering404MakesTheNextAttemptReadTheDocumentOnceAndUseTheEndpointItNowNames()
            throws Exception {
        AtomicReference<String> tokenPath = new AtomicReference<>("/old/token");
        server = IssuerServer.start(r -> {
            if (r.method().equals("GET")) {
                return Reply.json(200, "{\"issuer\":\"" + server.base() + "\",\"token_endpoint\":\"" + server.base()
                        + tokenPath.get() + "\"}");
            }
            return r.path().equals("/new/token") ? Reply.json(200, TokenEndpointClientTest.OK_BODY)
                    : Reply.json(404, "{}");
        });
        RecordingSources sources = new RecordingSources();
        DiscoveringTokenSource source = source(sources);

        TokenFetchException moved = catchThrowableOfType(TokenFetchException.class, source::fetch);
        assertThat(moved.httpStatus()).isEqualTo(404);
        assertThat(moved.getMessage()).contains("the metadata document of oauth.agent.clients.billing.issuer names it"
                + " as token_endpoint").doesNotContain(TestClients.SECRET);
        assertThat(server.paths("GET")).hasSize(1);

        tokenPath.set("/new/token"); // the server's metadata is corrected
        assertThat(source.fetch().value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        assertThat(source.fetch().value()).isEqualTo(TokenEndpointClientTest.TOKEN);

        assertThat(server.paths("GET")).as("read again once, before the attempt after the 404").hasSize(2);
        assertThat(server.paths("POST")).containsExactly("/old/token", "/new/token", "/new/token");
        assertThat(sources.built).containsExactly(URI.create(server.base() + "/old/token"),
                URI.create(server.base() + "/new/token"));
    }

    @Test
    void aRefusalSaysNothingAboutWhereTheEndpointIsAndKeepsTheDocument() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        server = IssuerServer.start(r -> r.method().equals("GET")
                ? Reply.json(200, IssuerDiscoveryTest.document(server.base(), server.base()))
                : posts.incrementAndGet() == 1 ? Reply.json(401, "{\"error\":\"invalid_client\"}")
                : Reply.json(200, TokenEndpointClientTest.OK_BODY));
        DiscoveringTokenSource source = source(new RecordingSources());

        TokenFetchException refused = catchThrowableOfType(TokenFetchException.class, source::fetch);
        assertThat(refused.errorCode()).isEqualTo("invalid_client");
        source.fetch();

        assertThat(server.paths("GET")).hasSize(1);
    }

    @Test
    void aDocumentNotFoundFailsTheFetchAsTransientAndTheNextFetchReadsItAgain() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        server = IssuerServer.start(r -> r.method().equals("GET")
                ? (gets.incrementAndGet() <= 2 ? Reply.json(404, "{}")
                        : Reply.json(200, IssuerDiscoveryTest.document(server.base(), server.base())))
                : Reply.json(200, TokenEndpointClientTest.OK_BODY));
        DiscoveringTokenSource source = source(new RecordingSources());

        TokenFetchException missing = catchThrowableOfType(TokenFetchException.class, source::fetch);
        assertThat(missing.isTerminal()).isFalse();
        assertThat(server.paths("POST")).isEmpty();

        assertThat(source.fetch().value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        assertThat(server.paths("GET")).hasSize(3);
    }
}
