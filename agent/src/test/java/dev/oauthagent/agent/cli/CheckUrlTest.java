package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.FaultyTokenServer;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --url}: which client's token a request carries, or why none does; exit 0 only with a token. */
class CheckUrlTest {
    private static final String SECRET = "check-url-test-secret-0042";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int check(URI tokenUrl, String... args) throws IOException {
        Path config = Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "oauth.agent.clients.orders.token-url=" + tokenUrl,
                "oauth.agent.clients.orders.client-id=orders-client",
                "oauth.agent.clients.orders.client-secret=${env:ORDERS_SECRET}",
                "oauth.agent.clients.orders.hosts=127.0.0.1",
                "oauth.agent.clients.orders.paths=/api",
                "oauth.agent.clients.orders.allow-http=true", ""));
        String[] all = new String[args.length + 3];
        all[0] = "check";
        all[1] = "--config";
        all[2] = config.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(all, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of("ORDERS_SECRET", SECRET)));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aUrlNoClientMatchesExitsOneAndSaysWhichPartDiffersFromTheNearestClient() throws IOException {
        int exit = check(FaultyTokenServer.closedPort(), "--url", "http://127.0.0.1:34293/api/hello?x=1");

        assertThat(exit).isEqualTo(Cli.EXIT_FAILED);
        assertThat(out()).isEqualTo(String.join(System.lineSeparator(),
                "no client's token goes to http://127.0.0.1:34293/api/…",
                "nearest client: 'orders'; what differs:",
                "  port: the request goes to port 34293, and '127.0.0.1' in oauth.agent.clients.orders.hosts matches"
                        + " only port 80 (the http default: the entry names no port); to send it this client's token,"
                        + " add 127.0.0.1:34293 to oauth.agent.clients.orders.hosts", ""));
    }

    @Test
    void aMatchingUrlFetchesThatClientsTokenAndExitsZero() throws IOException {
        try (FaultyTokenServer server = FaultyTokenServer.http(request -> Reply.json(200,
                "{\"access_token\":\"check-url-access-token-1234\",\"token_type\":\"Bearer\",\"expires_in\":300}"))) {
            URI tokenUrl = server.tokenUrl();

            int exit = check(tokenUrl, "--url=http://127.0.0.1/api/orders/1");

            assertThat(exit).as(out() + err()).isEqualTo(Cli.EXIT_OK);
            assertThat(out()).startsWith("http://127.0.0.1/api/… carries the token of client 'orders'")
                    .contains("client 'orders': OK").doesNotContain("check-url-access-token-1234", SECRET);
            // The other requests are the doctor's GETs for the server's metadata document.
            assertThat(server.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
        }
    }

    @Test
    void aMatchingUrlWhoseTokenCannotBeObtainedExitsOne() throws IOException {
        int exit = check(FaultyTokenServer.closedPort(), "--url", "http://127.0.0.1/api");

        assertThat(exit).isEqualTo(Cli.EXIT_FAILED);
        assertThat(out()).contains("carries the token of client 'orders'", "client 'orders': FAILED");
    }

    @Test
    void aUrlWithoutSchemeOrHostIsAUsageErrorThatDoesNotRepeatTheUrl() throws IOException {
        int exit = check(FaultyTokenServer.closedPort(), "--url", "127.0.0.1/api?key=s3cr3t-in-query");

        assertThat(exit).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("--url needs an absolute URL with a scheme and a host")
                .doesNotContain("s3cr3t");
    }

    @Test
    void urlWithoutAValueIsAUsageError() throws IOException {
        assertThat(check(FaultyTokenServer.closedPort(), "--url")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("--url needs a URL");
    }
}
