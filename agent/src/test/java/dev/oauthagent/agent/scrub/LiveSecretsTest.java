package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.ScrubConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.AccessToken;

/** The set of secrets follows token rotation: old tokens stay scrubbed through their lifetime plus the grace. */
class LiveSecretsTest {
    private static final String OLD = "old-token-0a1b2c3d4e5f60718293";
    private static final String NEW = "new-token-9f8e7d6c5b4a39281706";
    private static final long LIFETIME_SECONDS = 60;

    private long now = 1_000_000_000L;
    private final LiveSecrets secrets = new LiveSecrets(Collections.<String>emptyList(), () -> now);
    /** Fallback patterns off: a hit can come from nothing but exact matching of the registered values. */
    private final Redactor redactor = Redactor.create(secrets, false, Replacement.DEFAULT, false);

    /** Characters that percent-encoding changes, so the encoded form is a different string to match. */
    private static final String REFRESH = "rt/8Kq+Zm=3Vx9Tz5Wd~Lp4";
    /** A JWT with a standard-base64 signature (+ / =), as some servers send it. */
    private static final String ID_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiaWxsaW5nIn0.c2ln+bmF/0dXJl==";

    private static AccessToken token(String value) {
        return new AccessToken(value, "Bearer", LIFETIME_SECONDS, null);
    }

    private static AccessToken withRefreshAndIdToken(String value, String refreshToken, String idToken) {
        return new AccessToken(value, "Bearer", LIFETIME_SECONDS, null, refreshToken, idToken);
    }

    private static String percentEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void advanceSeconds(long seconds) {
        now += TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void aClientAssertionIsScrubbedFromBeforeItIsSentUntilItsExpAndDoesNotPushOutTokens() {
        String assertion = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJiaWxsaW5nIn0.c2lnbmF0dXJlLW9mLWFzc2VydGlvbg";
        secrets.tokenObtained("billing", token(NEW));
        for (int i = 0; i < LiveSecrets.MAX_TOKENS_PER_CLIENT; i++) {
            secrets.assertionSigned("billing", assertion + i, 60);
        }
        assertThat(redactor.scrub("a=" + assertion + "0 t=" + NEW)).isEqualTo("a=[REDACTED] t=[REDACTED]");

        advanceSeconds(60);
        secrets.dropExpired();
        assertThat(redactor.scrub("a=" + assertion + "0")).isEqualTo("a=" + assertion + "0");
        assertThat(redactor.scrub("t=" + NEW)).as("within the token's lifetime and grace").isEqualTo("t=[REDACTED]");
    }

    @Test
    void tokenIsScrubbedFromTheMomentItIsObtained() {
        String line = "t=" + NEW;
        assertThat(redactor.scrub(line)).isSameAs(line);
        secrets.tokenObtained("billing", token(NEW));
        assertThat(redactor.scrub(line)).isEqualTo("t=[REDACTED]");
    }

    @Test
    void previousTokenStaysScrubbedDuringItsLifetimeAndTheGrace() {
        secrets.tokenObtained("billing", token(OLD));
        advanceSeconds(30);
        secrets.tokenObtained("billing", token(NEW));
        advanceSeconds(30 + TimeUnit.NANOSECONDS.toSeconds(LiveSecrets.GRACE) - 1);
        secrets.dropExpired();
        assertThat(redactor.scrub(OLD + " " + NEW)).isEqualTo("[REDACTED] [REDACTED]");
    }

    @Test
    void previousTokenIsForgottenAfterItsLifetimeAndTheGrace() {
        secrets.tokenObtained("billing", token(OLD));
        advanceSeconds(30);
        secrets.tokenObtained("billing", token(NEW));
        advanceSeconds(30 + TimeUnit.NANOSECONDS.toSeconds(LiveSecrets.GRACE));
        secrets.dropExpired();
        assertThat(redactor.scrub(OLD)).isEqualTo(OLD);
        assertThat(redactor.scrub(NEW)).isEqualTo("[REDACTED]"); // obtained 30 s later: 30 s of grace left
    }

    @Test
    void newTokenDropsExpiredOnesWithoutAnExplicitCall() {
        secrets.tokenObtained("billing", token(OLD));
        advanceSeconds(LIFETIME_SECONDS + TimeUnit.NANOSECONDS.toSeconds(LiveSecrets.GRACE));
        secrets.tokenObtained("billing", token(NEW));
        assertThat(secrets.current().size()).isEqualTo(1);
    }

    @Test
    void aClientKeepsAtMostEightTokens() {
        for (int i = 0; i < 20; i++) {
            secrets.tokenObtained("billing", token("token-number-" + i + "-abcdefgh"));
        }
        assertThat(secrets.current().size()).isEqualTo(LiveSecrets.MAX_TOKENS_PER_CLIENT);
        assertThat(redactor.scrub("token-number-19-abcdefgh")).isEqualTo("[REDACTED]");
    }

    @Test
    void refreshTokenAndIdTokenReturnedWithATokenAreScrubbedPlainAndPercentEncodedByExactMatch() {
        String line = "rt=" + REFRESH + " rt-enc=" + percentEncoded(REFRESH) + " id=" + ID_TOKEN + " id-enc="
                + percentEncoded(ID_TOKEN);
        assertThat(percentEncoded(REFRESH)).isNotEqualTo(REFRESH);
        assertThat(percentEncoded(ID_TOKEN)).isNotEqualTo(ID_TOKEN);
        assertThat(redactor.scrub(line)).isSameAs(line);

        secrets.tokenObtained("billing", withRefreshAndIdToken(NEW, REFRESH, ID_TOKEN));

        assertThat(redactor.scrub(line)).isEqualTo("rt=[REDACTED] rt-enc=[REDACTED] id=[REDACTED] id-enc=[REDACTED]");
    }

    @Test
    void refreshTokenAndIdTokenStayScrubbedUntilTheAccessTokensLifetimePlusGraceThenAreForgotten() {
        secrets.tokenObtained("billing", withRefreshAndIdToken(NEW, REFRESH, ID_TOKEN));
        String line = REFRESH + " " + ID_TOKEN;

        advanceSeconds(LIFETIME_SECONDS + TimeUnit.NANOSECONDS.toSeconds(LiveSecrets.GRACE) - 1);
        secrets.dropExpired();
        assertThat(redactor.scrub(line)).isEqualTo("[REDACTED] [REDACTED]");

        advanceSeconds(1);
        secrets.dropExpired();
        assertThat(redactor.scrub(line)).isSameAs(line);
        assertThat(secrets.current().size()).isZero();
    }

    @Test
    void aTokenWithoutRefreshTokenOrIdTokenRegistersOnlyItself() {
        secrets.tokenObtained("billing", withRefreshAndIdToken(NEW, null, null));

        assertThat(secrets.current().size()).isEqualTo(1);
    }

    @Test
    void theTokenLimitCountsATokenWithItsRefreshAndIdTokenAsOneAndEvictsThemTogether() {
        for (int i = 0; i < 20; i++) {
            secrets.tokenObtained("billing", withRefreshAndIdToken("access-number-" + i + "-abcdefgh",
                    "refresh-number-" + i + "-abcdefgh", "id-number-" + i + "-abcdefgh"));
        }

        assertThat(secrets.current().size()).isEqualTo(3 * LiveSecrets.MAX_TOKENS_PER_CLIENT);
        String newest = "refresh-number-19-abcdefgh id-number-19-abcdefgh";
        assertThat(redactor.scrub(newest)).isEqualTo("[REDACTED] [REDACTED]");
        String evicted = "access-number-0-abcdefgh refresh-number-0-abcdefgh id-number-0-abcdefgh";
        assertThat(redactor.scrub(evicted)).isSameAs(evicted);
    }

    @Test
    void configuredClientSecretItsBasicValueAndExtraValuesAreScrubbed() {
        ClientConfig client = ClientConfig.builder("billing").tokenUrl(URI.create("https://auth.example.com/token"))
                .clientId("billing-service").clientSecret(Secret.of("s3cr3t+value/1", "env var X")).build();
        ScrubConfig scrub = new ScrubConfig(true, true,
                Collections.singletonList(Secret.of("app-api-key-123", "env var KEY")), "[REDACTED]", false);
        LiveSecrets live = LiveSecrets.fromConfig(new AgentConfig(true, "info", Collections.singletonList(client), scrub));
        Redactor r = new Redactor(live, false, new Replacement("[REDACTED]", false));
        String basic = java.util.Base64.getEncoder().encodeToString("billing-service:s3cr3t%2Bvalue%2F1".getBytes());
        assertThat(r.scrub("s3cr3t+value/1 s3cr3t%2Bvalue%2F1 " + basic + " app-api-key-123"))
                .isEqualTo("[REDACTED] [REDACTED] [REDACTED] [REDACTED]");
    }

    @Test
    void theSecretOfAClientThatDoesNotRunBecauseOfAProblemIsScrubbedToo() {
        Map<String, String> sysprops = new HashMap<>();
        sysprops.put("oauth.agent.clients.billing.token-url", "https://auth.example.com/token");
        sysprops.put("oauth.agent.clients.billing.client-id", "billing-service");
        sysprops.put("oauth.agent.clients.billing.client-secret", "s3cr3t+value/1");
        sysprops.put("oauth.agent.clients.billing.hosts", "api.example.com");
        sysprops.put("oauth.agent.clients.billing.fail-mode", "maybe"); // the problem that stops the client
        AgentConfig config = ConfigLoader.load(null, sysprops, Collections.<String, String>emptyMap()).config();
        assertThat(config.clients()).isEmpty();

        Redactor r = new Redactor(LiveSecrets.fromConfig(config), false, new Replacement("[REDACTED]", false));

        String basic = java.util.Base64.getEncoder().encodeToString("billing-service:s3cr3t%2Bvalue%2F1".getBytes());
        assertThat(r.scrub("s3cr3t+value/1 " + basic)).isEqualTo("[REDACTED] [REDACTED]");
    }

    @Test
    void shortConfiguredSecretsAreReportedByOriginNotValue() {
        ClientConfig client = ClientConfig.builder("billing").tokenUrl(URI.create("https://auth.example.com/token"))
                .clientId("billing-service").clientSecret(Secret.of("abc", "env var BILLING_SECRET")).build();
        AgentConfig config = new AgentConfig(true, "info", Collections.singletonList(client));
        assertThat(LiveSecrets.unscrubbableOrigins(config))
                .containsExactly("the client secret of client 'billing' (from env var BILLING_SECRET)");
    }

    @Test
    void toStringNamesNoSecret() {
        secrets.tokenObtained("billing", withRefreshAndIdToken(NEW, REFRESH, ID_TOKEN));
        assertThat(secrets.toString()).doesNotContain(NEW.substring(0, 16)).doesNotContain(REFRESH.substring(0, 8))
                .doesNotContain(ID_TOKEN.substring(0, 8));
    }

    @Test
    void aRotatedClientSecretIsScrubbedWithItsBasicValueAndTheOldOnesStay() {
        String configured = "configured-secret-0001";
        LiveSecrets rotating = new LiveSecrets(Collections.singletonList(configured), () -> now);
        Redactor scrub = Redactor.create(rotating, false, Replacement.DEFAULT, false);
        String[] rotated = new String[LiveSecrets.MAX_ROTATED_PER_CLIENT + 1];
        for (int i = 0; i < rotated.length; i++) {
            rotated[i] = ("q" + i + "x-").repeat(8); // no shared prefix with another value
            rotating.secretRead("billing", "billing-service", dev.oauthagent.agent.config.Secret.of(rotated[i], "file /s"));
        }
        String basic = java.util.Base64.getEncoder().encodeToString(
                ("billing-service:" + rotated[rotated.length - 1]).getBytes(StandardCharsets.UTF_8));

        assertThat(scrub.scrub("s=" + rotated[rotated.length - 1] + " b=" + basic)).isEqualTo("s=[REDACTED] b=[REDACTED]");
        assertThat(scrub.scrub("c=" + configured)).as("the value at start stays").isEqualTo("c=[REDACTED]");
        assertThat(scrub.scrub("r=" + rotated[1])).as("recent ones stay").isEqualTo("r=[REDACTED]");
        String oldest = "r=" + rotated[0];
        assertThat(scrub.scrub(oldest)).as("bounded: the oldest rotated value is dropped").isEqualTo(oldest);
    }
}
