package dev.oauthagent.agent.token.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.TokenRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client assertion another party signs, read from its file at every token request; an expired one is not sent. */
class FederatedAssertionTest {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @TempDir
    Path dir;

    private final AssertionsHeard listener = new AssertionsHeard();
    private final List<String> scrubbed = listener.heard;

    static String jwt(long exp, String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + subject + "\",\"nested\":{\"exp\":1},\"exp\":" + exp + "}")
                        .getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private FederatedAssertion fromFile(Path file) throws Exception {
        return new FederatedAssertion("billing", "billing-service", Secret.fromFile(Files.readString(file).strip(), file),
                TYPE, Clock.fixed(NOW, ZoneOffset.UTC), listener);
    }

    private static Map<String, String> form(ClientAuthentication auth) {
        TokenRequest.Builder request = TokenRequest.builder(URI.create("https://as.example/token"));
        auth.applyTo(request);
        Map<String, String> form = new HashMap<>();
        request.build().formParameters().forEach(p -> form.put(p.getKey(), p.getValue()));
        return form;
    }

    private void write(Path file, String value) throws Exception {
        Path next = Files.writeString(dir.resolve("next"), value + "\n");
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theFileIsReadAgainForEveryRequestAndItsValueSentAsTheAssertion() throws Exception {
        Path file = dir.resolve("token");
        String first = jwt(NOW.getEpochSecond() + 600, "first");
        String second = jwt(NOW.getEpochSecond() + 3600, "second");
        write(file, first);
        FederatedAssertion auth = fromFile(file);

        assertThat(form(auth)).containsEntry("client_assertion", first).containsEntry("client_assertion_type", TYPE)
                .containsEntry("client_id", "billing-service");
        write(file, second);
        assertThat(auth.unusableNow()).isNull();
        assertThat(form(auth)).containsEntry("client_assertion", second);
        assertThat(scrubbed).containsExactly("billing/600/" + first, "billing/3600/" + second);
        assertThat(auth.toString()).doesNotContain(second);
    }

    @Test
    void anExpiredAssertionIsReportedAsSuchWithItsFileAndHowLongAgo() throws Exception {
        Path file = dir.resolve("token");
        write(file, jwt(NOW.getEpochSecond() - 90, "old"));

        assertThat(fromFile(file).unusableNow()).isEqualTo("the client assertion in file " + file + " expired 90 s "
                + "ago (exp 2030-01-02T03:02:35Z), so it was not sent; the platform that writes it has not renewed it "
                + "(check the token projection or the agent that writes file " + file + "). oauth-agent reads the file "
                + "again at its next attempt.");
    }

    @Test
    void aFileThatVanishesKeepsTheValueReadBeforeAndARefusalRereadTellsAChange() throws Exception {
        Path file = dir.resolve("token");
        String first = jwt(NOW.getEpochSecond() + 600, "first");
        write(file, first);
        FederatedAssertion auth = fromFile(file);

        Files.delete(file);
        assertThat(form(auth)).containsEntry("client_assertion", first);
        assertThat(auth.secretChangedOnReread()).isFalse();
        write(file, jwt(NOW.getEpochSecond() + 900, "renewed"));
        assertThat(auth.secretChangedOnReread()).isTrue();
    }

    @Test
    void theExpiryIsTheTopLevelExpClaimAndNothingForWhatIsNotAJwt() {
        assertThat(JwtExpiry.of(jwt(1_900_000_000L, "x"))).isEqualTo(1_900_000_000L);
        assertThat(JwtExpiry.of("not-a-jwt")).isNull();
        assertThat(JwtExpiry.of("a.%%%.c")).isNull();
    }
}
