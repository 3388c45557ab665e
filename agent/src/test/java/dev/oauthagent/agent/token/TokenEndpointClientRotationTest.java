package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.FaultyTokenServer.RecordedRequest;
import dev.oauthagent.agent.token.FaultyTokenServer.Reply;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.auth.ClientAuthentication;
import dev.oauthagent.agent.token.auth.SecretListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client secret from a file rotated while the agent runs: the server accepts only the new value, and the time
 * until the file's next look has not passed, so only the invalid_client answer can make the client read it again.
 */
class TokenEndpointClientRotationTest {
    private static final String OLD = "old-secret-value-0001";
    private static final String NEW = "new-secret-value-0002";

    @TempDir
    Path dir;

    private final AtomicReference<String> accepted = new AtomicReference<>(NEW);
    private final List<String> told = new ArrayList<>();
    private FaultyTokenServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private Reply answer(RecordedRequest r) {
        String expected = FormEncodingSpec.basicHeader("billing-service", accepted.get());
        return expected.equals(r.header("Authorization")) ? Reply.json(200, TokenEndpointClientTest.OK_BODY)
                : Reply.json(401, "{\"error\":\"invalid_client\"}");
    }

    private TokenEndpointClient clientReading(Path file) throws IOException {
        server = FaultyTokenServer.http(this::answer);
        ClientConfig config = TestClients.billing(server.tokenUrl())
                .clientSecret(Secret.fromFile(OLD, file)).build();
        SecretListener listener = (client, id, secret) -> told.add(client + ":" + (secret.reveal().equals(NEW)));
        return new TokenEndpointClient(config, Clock.systemUTC(),
                ClientAuthentication.forClient(config, () -> 0L, listener)); // time stands still: no interval passes
    }

    @Test
    void theServerRefusesTheOldSecretAndTheFileHoldsTheNewOneExactlyOneRetrySucceeds() throws Exception {
        TokenEndpointClient client = runningWithTheOldSecret();
        accepted.set(NEW);
        write(NEW);

        AccessToken token = client.fetch();

        assertThat(token.value()).isEqualTo(TokenEndpointClientTest.TOKEN);
        List<RecordedRequest> requests = server.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).header("Authorization"))
                .isEqualTo(FormEncodingSpec.basicHeader("billing-service", OLD));
        assertThat(requests.get(2).header("Authorization"))
                .isEqualTo(FormEncodingSpec.basicHeader("billing-service", NEW));
        assertThat(told).as("the scrubber learns the new value before it is sent").containsExactly("billing:true");
    }

    @Test
    void invalidClientWithAnUnchangedFileIsTheUsualTerminalFailureAfterOneRequest() throws Exception {
        TokenEndpointClient client = runningWithTheOldSecret();
        accepted.set(NEW);

        assertThatThrownBy(client::fetch).isInstanceOfSatisfying(TokenFetchException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TERMINAL);
            assertThat(e.getMessage()).contains("invalid_client").contains("file " + dir.resolve("client-secret"))
                    .doesNotContain(OLD).doesNotContain(NEW);
        });
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aNewSecretTheServerAlsoRefusesIsNotRetriedAgain() throws Exception {
        TokenEndpointClient client = runningWithTheOldSecret();
        accepted.set("yet-another-secret-0003");
        write(NEW);

        assertThatThrownBy(client::fetch).isInstanceOf(TokenFetchException.class);
        assertThat(server.requests()).as("the first, one retry, no loop").hasSize(3);
    }

    /** A client that got a token with the old secret: its first request read the file and stamped it. */
    private TokenEndpointClient runningWithTheOldSecret() throws IOException, TokenFetchException {
        accepted.set(OLD);
        TokenEndpointClient client = clientReading(write(OLD));
        client.fetch();
        return client;
    }

    private Path write(String value) throws IOException {
        Path file = dir.resolve("client-secret");
        Files.write(file, (value + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
