package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;
import dev.oauthagent.agent.token.store.TokenRecord;

import java.net.URI;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Tokens read from a token store, and the store's keys, are scrubbed like the tokens the agent fetched. */
class StoredTokensScrubTest {
    private static final String ENDPOINT = "https://auth.example.com/oauth2/token";
    private static final String STORED = "stored-rt-5d6e7f8091a2b3c4d5e6";
    private static final String ROTATED = "rotated-rt-0f1e2d3c4b5a69788796";
    private static final String ACCESS = "stored-at-a1b2c3d4e5f60718293a";

    private long now = 1_000_000_000L;
    private final LiveSecrets secrets = new LiveSecrets(Collections.<String>emptyList(), () -> now);
    private final Redactor redactor = Redactor.create(secrets, false, Replacement.DEFAULT, false);

    @Test
    void aRefreshTokenReadFromTheStoreIsScrubbedForTheLifeOfTheJvm() {
        assertThat(redactor.scrub("rt=" + STORED)).isEqualTo("rt=" + STORED);
        secrets.storedTokens("billing", TokenRecord.of(ENDPOINT, STORED));
        now += TimeUnit.DAYS.toNanos(30);
        secrets.dropExpired();
        assertThat(redactor.scrub("rt=" + STORED)).isEqualTo("rt=[REDACTED]");
    }

    @Test
    void aStoredAccessTokenIsScrubbedToo() {
        secrets.storedTokens("billing", TokenRecord.of(ENDPOINT, STORED).withAccessToken(ACCESS, Instant.now()));
        assertThat(redactor.scrub(STORED + " " + ACCESS)).isEqualTo("[REDACTED] [REDACTED]");
    }

    @Test
    void theTokensARotationReplacedStayScrubbedUpToTheLimit() {
        secrets.storedTokens("billing", TokenRecord.of(ENDPOINT, STORED));
        secrets.storedTokens("billing", TokenRecord.of(ENDPOINT, ROTATED));
        assertThat(redactor.scrub(STORED + " " + ROTATED)).isEqualTo("[REDACTED] [REDACTED]");

        for (int i = 0; i < LiveSecrets.MAX_STORED_PER_CLIENT - 1; i++) {
            secrets.storedTokens("billing", TokenRecord.of(ENDPOINT, "later-rt-" + i + "-0a1b2c3d4e5f6071"));
        }
        assertThat(redactor.scrub(STORED)).as("the oldest beyond the limit").isEqualTo(STORED);
        assertThat(redactor.scrub(ROTATED)).isEqualTo("[REDACTED]");
    }

    @Test
    void readingTheSameRecordAgainDoesNotCompileANewSet() {
        secrets.storedTokens("billing", TokenRecord.of(ENDPOINT, STORED));
        SecretSet set = secrets.current();
        secrets.storedTokens("billing", TokenRecord.of(ENDPOINT, STORED));
        assertThat(secrets.current()).isSameAs(set);
    }

    @Test
    void theStoreKeysAndAPassphraseWithoutItsMarkerAreScrubbed() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        TokenStoreKey current = TokenStoreKey.ofRawKey(key, "env var KEY");
        TokenStoreKey previous = TokenStoreKey.ofPassphrase("correct horse battery staple", "env var OLD");
        ClientConfig client = ClientConfig.builder("billing").tokenUrl(URI.create(ENDPOINT)).clientId("billing")
                .clientSecret(Secret.of("client-secret-value", "env var S"))
                .tokenStore(new TokenStoreConfig(Paths.get("/var/lib/oauth-agent/billing.tokens"), current, previous,
                        false))
                .build();
        Redactor r = new Redactor(LiveSecrets.fromConfig(new AgentConfig(true, "info",
                Collections.singletonList(client))), false, new Replacement("[REDACTED]", false));

        String base64 = Base64.getEncoder().encodeToString(key);
        assertThat(r.scrub(base64 + " correct horse battery staple")).isEqualTo("[REDACTED] [REDACTED]");
    }
}
