package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.store.TokenRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code logout <client>}: the stored refresh token is revoked where the server offers it, and the store is
 * deleted whatever the server says; the exit status is 1 exactly when the refresh token may still be valid.
 * Nothing secret is printed.
 */
class LogoutCommandTest {
    private static final String REFRESH_TOKEN = "rt-logout-7d1c0ffee-never-printed";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private OrdersClient orders;
    private FaultyTokenServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (orders != null) {
            assertThat(out() + err()).doesNotContain(REFRESH_TOKEN).doesNotContain(OrdersClient.SECRET)
                    .doesNotContain(orders.key());
        }
    }

    @Test
    void revokesTheStoredRefreshTokenAndDeletesTheStore() throws Exception {
        Path store = storeHolding(serverWithRevocation(r -> Reply.json(200, "")));

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("client 'orders': the refresh token is revoked at ")
                .contains("deleted the token store " + store);
        assertThat(store).doesNotExist();
        List<RecordedRequest> posts = posts();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).form("token")).containsExactly(REFRESH_TOKEN);
    }

    @Test
    void aServerWithoutRevocationStillLosesTheLocalCopyAndTheUserIsTold() throws Exception {
        server = FaultyTokenServer.http(r -> Reply.json(404, "{\"error\":\"Not Found\"}"));
        Path store = storeHolding(server.tokenUrl());

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("was not revoked at the server").contains("stays valid until it expires");
        assertThat(store).doesNotExist();
    }

    @Test
    void aFailedRevocationDeletesTheStoreAndExitsOne() throws Exception {
        Path store = storeHolding(serverWithRevocation(r -> Reply.json(503, "{\"error\":\"temporarily_unavailable\"}")));

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(out()).contains("may still be valid");
        assertThat(store).doesNotExist();
    }

    @Test
    void aRefreshTokenIssuedByAnotherTokenEndpointIsNotSentToTheConfiguredOne() throws Exception {
        URI tokenUrl = serverWithRevocation(r -> Reply.json(200, ""));
        Path store = storeHolding(tokenUrl, "https://old-server.example/oauth2/token");

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(out()).contains("was not revoked: it was issued by https://old-server.example/oauth2/token, not by"
                + " oauth.agent.clients.orders.token-url");
        assertThat(store).doesNotExist();
        assertThat(posts()).isEmpty();
    }

    @Test
    void aClientWithIssuerRevokesAtTheRevocationEndpointItsDocumentNames() throws Exception {
        URI tokenUrl = serverWithRevocation(r -> Reply.json(200, ""));
        Path store = storeHolding(tokenUrl);
        orders.withIssuer(URI.create("http://127.0.0.1:" + tokenUrl.getPort()));

        int status = run("logout", "orders");

        assertThat(status).as(err()).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("client 'orders': the refresh token is revoked at http://127.0.0.1:"
                + tokenUrl.getPort() + "/oauth2/revoke");
        assertThat(store).doesNotExist();
        assertThat(posts()).extracting(RecordedRequest::path).containsExactly("/oauth2/revoke");
    }

    @Test
    void aClientWithIssuerWhoseDocumentCannotBeReadStillLosesTheLocalCopyAndExitsOne() throws Exception {
        URI closed = FaultyTokenServer.closedPort();
        Path store = storeHolding(closed);
        orders.withIssuer(URI.create("http://127.0.0.1:" + closed.getPort()));

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(out()).contains("cannot reach issuer 127.0.0.1:" + closed.getPort())
                .contains("The refresh token was not revoked; it may still be valid at the server.");
        assertThat(store).doesNotExist();
    }

    @Test
    void aStoreUnderAnotherKeyIsDeletedWithoutRevocationAndExitsOne() throws Exception {
        Path store = storeHolding(serverWithRevocation(r -> Reply.json(200, "")));
        orders.replaceKey(); // the store was written under the previous key

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err()).contains("deleted the store without revoking its refresh token");
        assertThat(store).doesNotExist();
        assertThat(posts()).isEmpty();
    }

    @Test
    void noStoreFileIsNothingToDo() throws Exception {
        orders = new OrdersClient(dir, serverWithRevocation(r -> Reply.json(200, "")));

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("there is no token store at " + dir.resolve("orders.tokens") + ", so nothing to delete");
        assertThat(posts()).isEmpty();
    }

    @Test
    void aClientWithoutTokenStoreHasNothingStored() throws Exception {
        orders = new OrdersClient(dir, serverWithRevocation(r -> Reply.json(200, "")));
        orders.withoutTokenStore();

        int status = run("logout", "orders");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("client 'orders' has no token-store, so nothing is stored to delete");
    }

    @Test
    void anUnknownClientIsNamedWithTheConfiguredOnes() throws Exception {
        orders = new OrdersClient(dir, URI.create("http://127.0.0.1:1/oauth2/token"));

        int status = run("logout", "billing");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(err()).contains("no client named 'billing' is configured; configured: orders");
    }

    @Test
    void withoutAClientNameItIsAUsageError() {
        int status = run("logout", "--config", dir.resolve("agent.properties").toString());

        assertThat(status).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("oauth-agent logout: needs the name of a client, e.g. java -jar oauth-agent.jar"
                + " logout orders --config agent.properties");
    }

    /** Metadata at the root naming the token endpoint and /oauth2/revoke; POSTs there get {@code revoke}. */
    private URI serverWithRevocation(Function<RecordedRequest, Reply> revoke) throws IOException {
        server = FaultyTokenServer.http(r -> {
            if (r.method().equals("POST")) {
                return revoke.apply(r);
            }
            if (r.path().equals("/.well-known/oauth-authorization-server")) {
                String base = "http://127.0.0.1:" + server.tokenUrl().getPort();
                return Reply.json(200, "{\"issuer\":\"" + base + "\",\"token_endpoint\":\"" + base
                        + FaultyTokenServer.PATH + "\",\"revocation_endpoint\":\"" + base + "/oauth2/revoke\"}");
            }
            return Reply.json(404, "{\"error\":\"Not Found\"}");
        });
        return server.tokenUrl();
    }

    private Path storeHolding(URI tokenUrl) throws Exception {
        return storeHolding(tokenUrl, tokenUrl.toString());
    }

    private Path storeHolding(URI tokenUrl, String issuedBy) throws Exception {
        orders = new OrdersClient(dir, tokenUrl);
        orders.store().write(TokenRecord.of(issuedBy, REFRESH_TOKEN));
        Path store = orders.storePath();
        assertThat(Files.size(store)).isPositive();
        return store;
    }

    private List<RecordedRequest> posts() {
        return server.requests().stream().filter(r -> r.method().equals("POST")).collect(Collectors.toList());
    }

    private int run(String... args) {
        return Cli.run(args, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), orders == null ? Map.of() : orders.sysprops,
                orders == null ? Map.of() : orders.env));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
