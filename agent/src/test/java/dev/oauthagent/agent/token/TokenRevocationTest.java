package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TokenRevocation.Outcome;
import dev.oauthagent.agent.token.TokenRevocation.Result;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * logout's revocation (RFC 7009): sent only to the revocation endpoint of the metadata document that names this
 * very token-url, at its origin, with the client's authentication; every other case says plainly that the
 * refresh token was not revoked and stays valid. No message holds the token.
 */
class TokenRevocationTest {
    private static final String REFRESH_TOKEN = "rt-0f9e8d7c6b5a-never-printed";
    private static final String REVOKE_PATH = "/oauth2/revoke";

    private FaultyTokenServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** GETs of the RFC 8414 root document get {@code metadata} (with BASE replaced), POSTs {@code post}. */
    private URI server(String metadata, Function<RecordedRequest, Reply> post) throws IOException {
        server = FaultyTokenServer.http(r -> {
            if (r.method().equals("POST")) {
                return post.apply(r);
            }
            if (metadata != null && r.path().equals("/.well-known/oauth-authorization-server")) {
                return Reply.json(200, metadata.replace("BASE", "http://127.0.0.1:" + server.tokenUrl().getPort()));
            }
            return Reply.json(404, "{\"error\":\"Not Found\"}");
        });
        return server.tokenUrl();
    }

    private static String metadata(String tokenEndpoint, String revocationEndpoint) {
        return "{\"issuer\":\"BASE\",\"token_endpoint\":\"" + tokenEndpoint + "\""
                + (revocationEndpoint == null ? "" : ",\"revocation_endpoint\":\"" + revocationEndpoint + "\"") + "}";
    }

    private Result revoke(URI tokenUrl) {
        Result result = new TokenRevocation(TestClients.billing(tokenUrl).build()).revokeRefreshToken(REFRESH_TOKEN);
        System.out.println(result);
        assertThat(result.message()).doesNotContain(REFRESH_TOKEN).doesNotContain(TestClients.SECRET);
        assertThat(result.toString()).doesNotContain(REFRESH_TOKEN);
        return result;
    }

    private List<RecordedRequest> posts() {
        return server.requests().stream().filter(r -> r.method().equals("POST")).collect(Collectors.toList());
    }

    @Test
    void revokesAtTheEndpointTheServersOwnMetadataNamesWithTheClientsAuthentication() throws Exception {
        URI tokenUrl = server(metadata("BASE/oauth2/token", "BASE" + REVOKE_PATH), r -> Reply.json(200, ""));

        Result result = revoke(tokenUrl);

        assertThat(result.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(result.message()).contains("revoked at " + tokenUrl.resolve(REVOKE_PATH));
        assertThat(posts()).hasSize(1);
        RecordedRequest post = posts().get(0);
        assertThat(post.path()).isEqualTo(REVOKE_PATH);
        assertThat(post.form("token")).containsExactly(REFRESH_TOKEN);
        assertThat(post.form("token_type_hint")).containsExactly("refresh_token");
        assertThat(post.header("Authorization")).startsWith("Basic ");
    }

    @Test
    void aMutualTlsClientWhoseTokenUrlIsTheMtlsAliasRevokesAtTheAliasesRevocationEndpoint() throws Exception {
        URI base = server("{\"issuer\":\"BASE\",\"token_endpoint\":\"BASE/oauth2/token\",\"revocation_endpoint\":"
                + "\"BASE/oauth2/revoke\",\"mtls_endpoint_aliases\":{\"token_endpoint\":\"BASE/mtls/token\","
                + "\"revocation_endpoint\":\"BASE/mtls/revoke\"}}", r -> Reply.json(200, ""));
        ClientConfig mutualTls = TestClients.billing(base.resolve("/mtls/token")).clientSecret(null)
                .clientAuth(ClientAuthMethod.TLS_CLIENT_AUTH).build();

        Result result = new TokenRevocation(mutualTls).revokeRefreshToken(REFRESH_TOKEN);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.REVOKED);
        assertThat(posts()).singleElement().extracting(RecordedRequest::path).isEqualTo("/mtls/revoke");
        assertThat(new TokenRevocation(TestClients.billing(base.resolve("/mtls/token")).build())
                .revokeRefreshToken(REFRESH_TOKEN).outcome()).as("a secret client is not sent to the alias")
                .isEqualTo(Outcome.NOT_OFFERED);
    }

    @Test
    void noMetadataDocumentMeansNotRevokedAndNothingPosted() throws Exception {
        URI tokenUrl = server(null, r -> Reply.json(200, ""));

        Result result = revoke(tokenUrl);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_OFFERED);
        assertThat(result.message()).contains("found no metadata document").contains("stays valid until it expires");
        assertThat(posts()).isEmpty();
    }

    @Test
    void metadataOfAnotherTokenEndpointIsNotTrustedForRevocation() throws Exception {
        URI tokenUrl = server(metadata("BASE/realms/other/token", "BASE" + REVOKE_PATH), r -> Reply.json(200, ""));

        Result result = revoke(tokenUrl);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_OFFERED);
        assertThat(result.message()).contains("names another token_endpoint than oauth.agent.clients.billing.token-url");
        assertThat(posts()).isEmpty();
    }

    @Test
    void aRevocationEndpointOnAnotherOriginGetsNoCredentials() throws Exception {
        URI tokenUrl = server(metadata("BASE/oauth2/token", "https://elsewhere.example/revoke"),
                r -> Reply.json(200, ""));

        Result result = revoke(tokenUrl);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_OFFERED);
        assertThat(result.message()).contains("is on another origin");
        assertThat(posts()).isEmpty();
    }

    @Test
    void metadataWithoutARevocationEndpointMeansNotOffered() throws Exception {
        URI tokenUrl = server(metadata("BASE/oauth2/token", null), r -> Reply.json(200, ""));

        Result result = revoke(tokenUrl);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_OFFERED);
        assertThat(result.message()).contains("names no revocation_endpoint");
    }

    @Test
    void unsupportedTokenTypeMeansTheServerDoesNotRevokeRefreshTokens() throws Exception {
        URI tokenUrl = server(metadata("BASE/oauth2/token", "BASE" + REVOKE_PATH),
                r -> Reply.json(400, "{\"error\":\"unsupported_token_type\"}"));

        Result result = revoke(tokenUrl);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_OFFERED);
        assertThat(result.message()).contains("does not revoke refresh tokens (unsupported_token_type)");
    }

    @Test
    void unavailableServerIsAFailureThatSaysTheTokenMayStillBeValid() throws Exception {
        URI tokenUrl = server(metadata("BASE/oauth2/token", "BASE" + REVOKE_PATH),
                r -> Reply.json(503, "{\"error\":\"temporarily_unavailable\"}"));

        Result result = revoke(tokenUrl);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("HTTP 503, error temporarily_unavailable")
                .contains("try again later").contains("may still be valid");
    }

    @Test
    void unreachableServerIsAFailureNotAServerWithoutRevocation() throws Exception {
        Result result = revoke(FaultyTokenServer.closedPort());

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).contains("was not revoked; it may still be valid");
    }
}
