package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar oauth-agent.jar check} as the doctor, against the real Spring Authorization Server: healthy clients
 * with overlapping routes give a warning, exit 0 and one JSON document on stdout; a client authentication method
 * the server's metadata does not list is named, with its fix, as the cause of the refused token. Nothing secret
 * (client secret, token) is printed.
 */
class DoctorIT {
    private static final Duration EXIT = Duration.ofSeconds(60);

    static {
        // Must precede the first HttpServer: without it each keep-alive request stalls ~40 ms (Nagle).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @TempDir
    Path dir;

    private static String client(String name, String endpoint, String clientId, String secretVar, String auth,
            String hosts) {
        String p = "oauth.agent.clients." + name + ".";
        return String.join("\n", p + endpoint, p + "client-id=" + clientId, p + "client-secret=${env:" + secretVar
                + "}", p + "client-auth=" + auth, p + "hosts=" + hosts, p + "allow-http=true", "");
    }

    @Test
    void healthyClientsWithOverlappingRoutesWarnExitZeroAndPrintOneJsonDocument() throws IOException {
        AuthServer server = AuthServer.shared();
        Path config = Files.writeString(dir.resolve("agent.properties"),
                client("general", "token-url=" + server.tokenUrl(), server.basicClientId(), "GENERAL_SECRET",
                        "client_secret_basic", "*.example.internal")
                + client("billing", "issuer=" + server.issuer(), server.postClientId(), "BILLING_SECRET",
                        "client_secret_post", "billing.example.internal"));

        try (JavaProcess cli = JavaProcess.builder("doctor-json").jar(E2ePaths.agentJar())
                .args("check", "--json", "--config", config.toString())
                .env("GENERAL_SECRET", server.basicClientSecret()).env("BILLING_SECRET", server.postClientSecret())
                .start()) {
            assertThat(cli.awaitExit(EXIT)).as(cli.stdout() + cli.stderr()).isZero();
            Map<String, Object> report = Json.parseObject(cli.stdout().strip());
            assertThat(report).containsEntry("status", "warn").containsEntry("configProblems", List.of());
            List<?> clients = (List<?>) report.get("clients");
            assertThat(clients).hasSize(2);
            for (Object client : clients) {
                assertThat(codes(client, "ok")).as(client.toString()).contains("grant-type-listed",
                        "client-auth-listed", "token-fetched", "routes");
                assertThat(codes(client, "warn")).as(client.toString()).containsExactly("route-overlap");
                assertThat(codes(client, "fail")).as(client.toString()).isEmpty();
            }
            assertThat(finding(named(clients, "billing"), "issuer-discovered"))
                    .contains("token_endpoint " + server.tokenUrl());
            assertThat(finding(named(clients, "general"), "route-overlap")).contains(
                    "https://billing.example.internal/", "it gets the token of 'billing'");
            assertThat(cli.stdout() + cli.stderr()).doesNotContain(server.basicClientSecret())
                    .doesNotContain(server.postClientSecret()).doesNotContain("eyJ");
        }
    }

    @Test
    void aClientAuthMethodTheMetadataDoesNotListIsNamedWithItsFixWhenTheServerRefusesTheToken() throws IOException {
        AuthServer server = AuthServer.shared();
        // The real server lists every method it has; an issuer of our own publishes a document naming only one,
        // and the real server's token endpoint, which refuses the basic client's secret sent in the form.
        HttpServer issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + issuer.getAddress().getPort();
        byte[] metadata = ("{\"issuer\":\"" + base + "\",\"token_endpoint\":\"" + server.tokenUrl() + "\","
                + "\"grant_types_supported\":[\"client_credentials\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"]}")
                .getBytes(StandardCharsets.UTF_8);
        issuer.createContext("/.well-known/oauth-authorization-server", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, metadata.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(metadata);
            }
        });
        issuer.start();
        try {
            Path config = Files.writeString(dir.resolve("agent.properties"), client("inventory", "issuer=" + base,
                    server.basicClientId(), "INVENTORY_SECRET", "client_secret_post", "inventory.example.internal"));

            try (JavaProcess cli = JavaProcess.builder("doctor-auth").jar(E2ePaths.agentJar())
                    .args("check", "--config", config.toString())
                    .env("INVENTORY_SECRET", server.basicClientSecret()).start()) {
                assertThat(cli.awaitExit(EXIT)).as(cli.stdout() + cli.stderr()).isEqualTo(1);
                assertThat(cli.stdout()).contains("client 'inventory': FAILED  client-auth client_secret_post"
                                + " (oauth.agent.clients.inventory.client-auth) is not in the server's"
                                + " token_endpoint_auth_methods_supported: " + base
                                + "/.well-known/oauth-authorization-server lists [client_secret_basic]",
                        "        fix: set oauth.agent.clients.inventory.client-auth=client_secret_basic",
                        "  fail  client-auth-mismatch: ", "invalid_client", "1 of 1 client(s) FAILED");
                assertThat(cli.stdout() + cli.stderr()).doesNotContain(server.basicClientSecret());
            }
        } finally {
            issuer.stop(0);
        }
    }

    private static Object named(List<?> clients, String name) {
        return clients.stream().filter(c -> name.equals(((Map<?, ?>) c).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + name + " in " + clients));
    }

    /** The codes of the client's findings with {@code status}. */
    private static List<Object> codes(Object client, String status) {
        return findings(client).stream().filter(f -> status.equals(f.get("status"))).map(f -> f.get("code")).toList();
    }

    private static String finding(Object client, String code) {
        return findings(client).stream().filter(f -> code.equals(f.get("code"))).map(f -> (String) f.get("summary"))
                .findFirst().orElseThrow(() -> new AssertionError("no finding " + code + " in " + client));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Object client) {
        return (List<Map<String, Object>>) ((Map<String, Object>) client).get("findings");
    }
}
