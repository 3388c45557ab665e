package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.bootstrap.Bridge;
import dev.oauthagent.bootstrap.LogScrubber;

/**
 * The logging hooks' scrubber holds one set of secrets and is replaced with each new one: a token is scrubbed
 * from logged lines from the moment {@code tokenObtained} returns, and stops being scrubbed once it expires.
 */
class HookScrubberTest {
    private static final String TOKEN = "hook-token-5e4d3c2b1a09f8e7d6c5";
    private static final String NEXT = "next-token-a1b2c3d4e5f60718293a";

    private long now = 1_000_000_000L;
    private final LiveSecrets secrets = new LiveSecrets(Collections.<String>emptyList(), () -> now);
    private final Redactor redactor = Redactor.create(secrets, false, Replacement.DEFAULT, false);

    @AfterEach
    void uninstall() {
        Bridge.installScrubber(null);
    }

    @Test
    void aTokenObtainedAfterTheHooksConnectedIsScrubbedByThem() {
        HookScrubber.install(redactor, secrets, new TerminalStreams(redactor, new ManualHeldTextTimer()));
        LogScrubber before = Bridge.scrubber();
        assertThat(before.scrub(bytes("t=" + TOKEN), 0, TOKEN.length() + 2)).isNull();

        secrets.tokenObtained("billing", new AccessToken(TOKEN, "Bearer", 60, null));

        LogScrubber hooks = Bridge.scrubber();
        assertThat(hooks).isNotSameAs(before);
        assertThat(text(hooks.scrub(bytes("t=" + TOKEN), 0, TOKEN.length() + 2))).isEqualTo("t=[REDACTED]");
        assertThat(hooks.scrub("t=" + TOKEN)).isEqualTo("t=[REDACTED]");
    }

    @Test
    void eachNewSetReachesTheListenerInOrderAndAnExpiredTokenIsNoLongerScrubbed() {
        List<SecretSet> seen = new ArrayList<>();
        secrets.onChange(seen::add);
        secrets.tokenObtained("billing", new AccessToken(TOKEN, "Bearer", 60, null));
        secrets.tokenObtained("billing", new AccessToken(NEXT, "Bearer", 60, null));

        assertThat(seen).hasSize(3).doesNotHaveDuplicates();
        assertThat(seen.get(2)).isSameAs(secrets.current());

        HookScrubber.install(redactor, secrets, new TerminalStreams(redactor, new ManualHeldTextTimer()));
        now += TimeUnit.SECONDS.toNanos(60) + LiveSecrets.GRACE;
        secrets.dropExpired();

        assertThat(Bridge.scrubber().scrub("t=" + TOKEN)).isEqualTo("t=" + TOKEN);
    }

    /**
     * The hooks rule a clean line out before the redactor sees it, from the filter's table alone: on lines made
     * to sit near that decision (starts of the token, keywords, JWT-like text, windows cut at any offset) they
     * answer exactly as the redactor does.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theHooksAnswerAsTheRedactorOnLinesNearTheCleanDecision(boolean patterns) {
        Redactor withPatterns = Redactor.create(secrets, patterns, Replacement.DEFAULT, false);
        secrets.tokenObtained("billing", new AccessToken(TOKEN, "Bearer", 60, null));
        HookScrubber.install(withPatterns, secrets, new TerminalStreams(withPatterns, new ManualHeldTextTimer()));
        LogScrubber hooks = Bridge.scrubber();
        String[] fragments = {TOKEN, TOKEN.substring(0, 9), TOKEN.substring(5, 17), "access_token=", "Bearer ",
            "client_secret", "eyJhbGciOiJ", "eyJ.x", " ", "\n", "\n", "%2F", "\\u003d", "\u00e9", "abc", "0123",
            "GET /api/orders?id=42", "2026-12-06 13:20:51.123 [main] INFO"};
        Random random = new Random(8);
        int redacted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int parts = random.nextInt(8); parts >= 0; parts--) {
                line.append(fragments[random.nextInt(fragments.length)]);
            }
            String text = line.toString();
            assertThat(hooks.scrub(text)).as(text).isEqualTo(withPatterns.scrub(text));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int offset = random.nextInt(bytes.length + 1);
            int length = random.nextInt(bytes.length - offset + 1);
            byte[] expected = withPatterns.scrub(bytes, offset, length);
            assertThat(hooks.scrub(bytes, offset, length)).as(text).isEqualTo(expected);
            redacted += expected != null ? 1 : 0;
        }
        assertThat(redacted).as("lines the redactor changed").isGreaterThan(300).isLessThan(19_000);
    }

    @Test
    void aRangeTheTableCannotBeReadOverIsLeftToTheRedactorWhichWithholdsIt() {
        HookScrubber.install(redactor, secrets, new TerminalStreams(redactor, new ManualHeldTextTimer()));
        byte[] line = bytes("clean line\n");

        assertThat(text(Bridge.scrubber().scrub(line, 4, line.length))).isEqualTo(Redactor.WITHHELD_FAILED);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
