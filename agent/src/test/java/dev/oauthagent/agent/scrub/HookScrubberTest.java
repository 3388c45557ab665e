package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
        HookScrubber.install(redactor, secrets);
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

        HookScrubber.install(redactor, secrets);
        now += TimeUnit.SECONDS.toNanos(60) + LiveSecrets.GRACE;
        secrets.dropExpired();

        assertThat(Bridge.scrubber().scrub("t=" + TOKEN)).isEqualTo("t=" + TOKEN);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
