package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A token-url that is not the token endpoint of the real Spring Authorization Server (its issuer, its RFC 8414
 * metadata document, a wrong path) answers 404 or 405 with Spring's JSON error body. {@code check}, the shipped
 * jar's token engine, reports it as terminal and shows the token_endpoint of the server's discovery document.
 */
class TokenEndpointDiscoveryIT {
    private static final Duration EXIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/.well-known/oauth-authorization-server", "/oauth/token"})
    void checkOfATokenUrlThatIsNotTheTokenEndpointNamesTheDiscoveredOne(String path) throws IOException {
        AuthServer server = AuthServer.shared();
        String p = "oauth.agent.clients.inventory.";
        Path config = Files.writeString(dir.resolve("agent.properties"), p + "token-url=" + server.issuer() + path
                + "\n" + p + "client-id=" + server.basicClientId() + "\n" + p + "client-secret=${env:INVENTORY_SECRET}\n"
                + p + "hosts=inventory.example.internal\n" + p + "allow-http=true\n");

        try (JavaProcess cli = JavaProcess.builder("check-discovery").jar(E2ePaths.agentJar())
                .args("check", "--config", config.toString()).env("INVENTORY_SECRET", server.basicClientSecret())
                .start()) {
            assertThat(cli.awaitExit(EXIT)).isEqualTo(1);
            String out = cli.stdout();
            assertThat(out).containsPattern("answered HTTP 40[45]")
                    .contains("there is no token endpoint at this URL [token-url-not-found]")
                    .contains("fix: set oauth.agent.clients.inventory.token-url (set in the properties file) to "
                            + server.tokenUrl() + ", the token_endpoint of the server's metadata")
                    .doesNotContain("Not Found (404)").doesNotContain("will retry");
            assertThat(out + cli.stderr()).doesNotContain(server.basicClientSecret());
        }
    }
}
