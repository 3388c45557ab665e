package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} as the doctor, against a fake server that publishes the metadata each test needs (the real server
 * is in the end-to-end DoctorIT): its findings, {@code --json}, and its exit status.
 */
class CheckDoctorTest {
    private static final String SECRET = "doctor-test-secret-7781";
    private static final String TOKEN = "doctor-access-token-5521";
    private static final String TOKEN_JSON = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\","
            + "\"expires_in\":300}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A server whose metadata document lists {@code authMethods} and which answers token requests {@code token}. */
    private static FaultyTokenServer server(String authMethods, Reply token) throws IOException {
        int[] port = new int[1];
        FaultyTokenServer server = FaultyTokenServer.http(request -> answer(request, port[0], authMethods, token));
        port[0] = server.tokenUrl().getPort();
        return server;
    }

    private static Reply answer(RecordedRequest request, int port, String authMethods, Reply token) {
        if (request.method().equals("GET") && request.path().equals("/.well-known/oauth-authorization-server")) {
            String base = "http://127.0.0.1:" + port;
            return Reply.json(200, "{\"issuer\":\"" + base + "\",\"token_endpoint\":\"" + base
                    + FaultyTokenServer.PATH + "\",\"grant_types_supported\":[\"client_credentials\"],"
                    + "\"token_endpoint_auth_methods_supported\":" + authMethods + "}");
        }
        return request.method().equals("POST") ? token : Reply.json(404, "{}");
    }

    private static String client(String name, String url, String hosts, String paths, String auth) {
        String p = "oauth.agent.clients." + name + ".";
        return String.join("\n", p + url, p + "client-id=" + name + "-client", p + "client-secret=${env:SECRET}",
                p + "client-auth=" + auth, p + "hosts=" + hosts, p + "paths=" + paths, p + "allow-http=true", "");
    }

    private int check(String config, String... args) throws IOException {
        Path file = Files.writeString(dir.resolve("agent.properties"), config);
        List<String> all = new ArrayList<>(List.of("check", "--config", file.toString()));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(new String[0]), new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of("SECRET", SECRET)));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertNothingSecretPrinted() {
        assertThat(out() + err()).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void aHealthyClientIsOkWithTheMetadataChecksAndRoutesUnderItsFirstLine() throws IOException {
        try (FaultyTokenServer server = server("[\"client_secret_basic\"]", Reply.json(200, TOKEN_JSON))) {
            int exit = check(client("orders", "token-url=" + server.tokenUrl(), "orders.example.com", "/api",
                    "client_secret_basic"));

            assertThat(exit).as(out() + err()).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("client 'orders': OK  token_type=Bearer  lifetime=300s",
                    "  ok    grant-type-listed: ", "  ok    client-auth-listed: ",
                    "  ok    routes: its token goes to requests to orders.example.com/api over https and plain http",
                    "all 1 client(s) OK");
            assertNothingSecretPrinted();
        }
    }

    @Test
    void aClientAuthMethodTheMetadataDoesNotListFailsWithTheFixWhenTheServerRefusesTheToken() throws IOException {
        try (FaultyTokenServer server = server("[\"client_secret_basic\"]",
                Reply.json(401, "{\"error\":\"invalid_client\"}"))) {
            int exit = check(client("orders", "token-url=" + server.tokenUrl(), "orders.example.com", "/",
                    "client_secret_post"));

            assertThat(exit).isEqualTo(Cli.EXIT_FAILED);
            assertThat(out()).contains("client 'orders': FAILED  client-auth client_secret_post"
                            + " (oauth.agent.clients.orders.client-auth) is not in the server's"
                            + " token_endpoint_auth_methods_supported: http://127.0.0.1:" + server.tokenUrl().getPort()
                            + "/.well-known/oauth-authorization-server lists [client_secret_basic]",
                    "        fix: set oauth.agent.clients.orders.client-auth=client_secret_basic",
                    "  fail  invalid-client: ", "invalid_client", "1 of 1 client(s) FAILED");
            assertNothingSecretPrinted();
        }
    }

    @Test
    void aClientAuthMethodTheMetadataDoesNotListIsOnlyAWarningWhenTheServerIssuesATokenAllTheSame()
            throws IOException {
        try (FaultyTokenServer server = server("[\"client_secret_basic\"]", Reply.json(200, TOKEN_JSON))) {
            int exit = check(client("orders", "token-url=" + server.tokenUrl(), "orders.example.com", "/",
                    "client_secret_post"));

            assertThat(exit).as(out() + err()).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("client 'orders': WARN  token_type=Bearer",
                    "  warn  client-auth-not-listed: ", "The server issued a token all the same",
                    "all 1 client(s) OK, 1 with warnings");
            assertNothingSecretPrinted();
        }
    }

    @Test
    void aServerWithoutMetadataIsCheckedWithoutItAndThatIsNoFailure() throws IOException {
        try (FaultyTokenServer server = FaultyTokenServer.http(request -> request.method().equals("POST")
                ? Reply.json(200, TOKEN_JSON) : Reply.of(404, "text/html", "<html>not found</html>"))) {
            int exit = check(client("orders", "token-url=" + server.tokenUrl(), "orders.example.com", "/",
                    "client_secret_post"));

            assertThat(exit).as(out() + err()).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("client 'orders': OK  ", "  ok    metadata-not-published: no metadata document"
                    + " (RFC 8414) at http://127.0.0.1:" + server.tokenUrl().getPort() + " names " + server.tokenUrl()
                    + " as its token_endpoint");
        }
    }

    @Test
    void overlappingRoutesAreAWarningOnBothClientsAndExitZero() throws IOException {
        try (FaultyTokenServer server = server("[\"client_secret_basic\"]", Reply.json(200, TOKEN_JSON))) {
            String url = "token-url=" + server.tokenUrl();
            int exit = check(client("general", url, "*.example.com", "/", "client_secret_basic")
                    + client("orders", url, "orders.example.com", "/", "client_secret_basic"));

            assertThat(exit).as(out() + err()).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("client 'general': WARN  ", "client 'orders': WARN  ",
                    "it gets the token of 'orders'", "all 2 client(s) OK, 2 with warnings");
        }
    }

    @Test
    void withJsonStdoutIsOneDocumentWithTheFindingsAndNothingElse() throws IOException {
        try (FaultyTokenServer server = server("[\"client_secret_basic\"]", Reply.json(200, TOKEN_JSON))) {
            int exit = check(client("orders", "token-url=" + server.tokenUrl(), "orders.example.com", "/",
                    "client_secret_post"), "--json");

            assertThat(exit).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).startsWith("{\"status\":\"warn\",\"configProblems\":[],\"configWarnings\":[],"
                    + "\"url\":null,\"clients\":[{\"name\":\"orders\",\"status\":\"warn\",\"active\":true,"
                    + "\"findings\":[{\"status\":\"warn\",\"code\":\"grant-type-listed\"".replace(
                            "warn\",\"code\":\"grant-type-listed", "ok\",\"code\":\"grant-type-listed"))
                    .contains("{\"status\":\"warn\",\"code\":\"client-auth-not-listed\"",
                            "{\"status\":\"ok\",\"code\":\"token-fetched\"", "\"code\":\"routes\"")
                    .endsWith("]}]}" + System.lineSeparator());
            assertThat(out().lines()).hasSize(1);
            assertNothingSecretPrinted();
        }
    }

    @Test
    void withJsonAndUrlTheDocumentSaysWhichClientTheUrlGoesTo() throws IOException {
        try (FaultyTokenServer server = server("[\"client_secret_basic\"]", Reply.json(200, TOKEN_JSON))) {
            int exit = check(client("orders", "token-url=" + server.tokenUrl(), "orders.example.com", "/",
                    "client_secret_basic"), "--json", "--url", "https://orders.example.com/api/1");

            assertThat(exit).as(out() + err()).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).contains("\"url\":{\"request\":\"https://orders.example.com/api/…\","
                    + "\"client\":\"orders\",\"nearestClient\":null,\"differences\":[]}", "\"name\":\"orders\"");
            assertThat(out().lines()).hasSize(1);
        }
    }

    @Test
    void withJsonConfigurationProblemsAreInTheDocumentAndTheExitStatusIsTwo() throws IOException {
        int exit = check("oauth.agent.clients.orders.token-url=https://as.example.com/token\n"
                + "oauth.agent.clients.orders.scoeps=read\n", "--json");

        assertThat(exit).isEqualTo(Cli.EXIT_BAD_CONFIG);
        assertThat(out()).startsWith("{\"status\":\"fail\",\"configProblems\":[{\"key\":")
                .contains("\"name\":\"orders\",\"status\":\"fail\",\"active\":false");
        assertThat(out().lines()).hasSize(1);
        assertThat(err()).contains("did you mean");
    }

    @Test
    void anIssuerWhoseDocumentNamesAnotherIssuerIsTheIssuerMismatchFinding() throws IOException {
        try (FaultyTokenServer server = server("[\"client_secret_basic\"]", Reply.json(200, TOKEN_JSON))) {
            URI issuer = URI.create("http://127.0.0.1:" + server.tokenUrl().getPort() + "/");
            int exit = check(client("orders", "issuer=" + issuer, "orders.example.com", "/", "client_secret_basic"),
                    "--json");

            assertThat(exit).isEqualTo(Cli.EXIT_FAILED);
            assertThat(out()).contains("{\"status\":\"fail\",\"code\":\"issuer-mismatch\",\"summary\":\"oauth-agent:"
                    + " client 'orders': the metadata document ", "they must be equal exactly (RFC 8414 §3.3)");
            assertThat(server.requests()).noneMatch(r -> r.method().equals("POST"));
        }
    }

    @Test
    void anIssuerThatAnswersNoMetadataOrDoesNotAnswerHasItsOwnCodeAndFix() throws IOException {
        try (FaultyTokenServer server = FaultyTokenServer.http(request -> Reply.of(404, "text/html", "<html/>"))) {
            URI withoutMetadata = URI.create("http://127.0.0.1:" + server.tokenUrl().getPort());
            String config = client("orders", "issuer=" + withoutMetadata, "orders.example.com", "/",
                    "client_secret_basic") + client("billing", "issuer=" + FaultyTokenServer.closedPort(),
                    "billing.example.com", "/", "client_secret_basic");

            int exit = check(config);

            assertThat(exit).isEqualTo(Cli.EXIT_FAILED);
            assertThat(out()).contains("client 'orders': FAILED  oauth-agent: client 'orders': found no metadata"
                            + " document for oauth.agent.clients.orders.issuer=" + withoutMetadata,
                    "        fix: write oauth.agent.clients.orders.issuer exactly as the server names itself",
                    "client 'billing': FAILED  oauth-agent: client 'billing': cannot reach issuer 127.0.0.1:",
                    "        fix: check oauth.agent.clients.billing.issuer and that this machine reaches it",
                    "2 of 2 client(s) FAILED");
            assertThat(server.requests()).noneMatch(r -> r.method().equals("POST"));
        }
    }

    @Test
    void withJsonAUrlNoClientMatchesIsAFailureWithWhatDiffersAndNoClients() throws IOException {
        int exit = check(client("orders", "token-url=" + FaultyTokenServer.closedPort(), "orders.example.com", "/",
                "client_secret_basic"), "--json", "--url", "https://orders.example.com:8443/api");

        assertThat(exit).isEqualTo(Cli.EXIT_FAILED);
        assertThat(out()).startsWith("{\"status\":\"fail\",").contains("\"client\":null,"
                + "\"nearestClient\":\"orders\",\"differences\":[\"port: the request goes to port 8443")
                .endsWith("\"clients\":[]}" + System.lineSeparator());
        assertThat(out().lines()).hasSize(1);
    }
}
