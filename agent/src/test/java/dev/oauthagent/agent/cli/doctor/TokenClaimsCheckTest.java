package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.Secret;
import dev.oauthagent.agent.token.AccessToken;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every finding about a fetched token's claims, from hand-built JWTs and a fixed clock. */
class TokenClaimsCheckTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final long IAT = NOW.getEpochSecond();
    private static final String TOKEN_URL = "https://auth.prod.example.com/oauth2/token";
    private static final String ISSUER = "https://auth.prod.example.com";

    private final List<String> printed = new ArrayList<>();

    @Test
    void anOpaqueTokenGivesOneOkFindingAboutItsClaims() {
        List<Finding> findings = check(client(), token("2YotnFZFEjr1zCsicMWpAA", 300));

        assertThat(findings).extracting(Finding::code).containsExactly("token-opaque", "clock");
        assertThat(findings.get(0).summary()).isEqualTo("opaque token: its claims cannot be checked here");
        assertThat(findings.get(0).status()).isEqualTo(Finding.Status.OK);
    }

    @Test
    void aHealthyJwtIsOkOnEveryClaimAndSaysItsSignatureIsNotVerified() {
        List<Finding> findings = check(client().audience("api").scopes(List.of("read")),
                jwt("\"iss\":\"" + ISSUER + "\",\"aud\":\"api\",\"scope\":\"read write\",\"exp\":" + (IAT + 300), 300));

        assertThat(findings).extracting(Finding::status).containsOnly(Finding.Status.OK);
        assertThat(findings).extracting(Finding::code).containsExactly("token-claims", "token-issuer",
                "token-audience", "token-scope", "token-expiry", "clock");
        assertThat(findings.get(0).summary()).contains("without verifying its signature");
        assertThat(finding(findings, "token-expiry").summary()).contains("2026-12-07T12:05:00Z", "in 300 s");
    }

    @Test
    void anIssuerOtherThanTheConfiguredOneFailsAndNamesBoth() {
        ClientConfig.Builder client = client().tokenUrl(URI.create(TOKEN_URL)).issuer(URI.create(ISSUER));

        Finding finding = finding(check(client, jwt("\"iss\":\"https://auth.staging.example.com\"", 300)),
                "token-issuer-mismatch");

        assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(finding.summary()).contains("'https://auth.staging.example.com'", "'" + ISSUER + "'",
                "the token names staging, the configuration production");
        assertThat(finding.fix()).contains("oauth.agent.clients.billing.issuer");
    }

    @Test
    void anIssuerOfAnotherEnvironmentThanTheTokenUrlFails() {
        Finding finding = finding(check(client(), jwt("\"iss\":\"https://auth.staging.example.com\"", 300)),
                "token-issuer-environment");

        assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(finding.summary()).contains("another environment", "https://auth.prod.example.com");
        assertThat(finding.fix()).contains("oauth.agent.clients.billing.token-url", "environment the API runs in");
    }

    @Test
    void anIssuerOnAnotherHostOfTheSameEnvironmentOnlyWarns() {
        Finding finding = finding(check(client(), jwt("\"iss\":\"https://sts.prod.example.net/tenant/\"", 300)),
                "token-issuer-host");

        assertThat(finding.status()).isEqualTo(Finding.Status.WARN);
        assertThat(finding.fix()).contains("nothing, if the API trusts");
    }

    @Test
    void aTokenWithoutIssuerWarns() {
        assertThat(finding(check(client(), jwt("\"aud\":\"api\"", 300)), "token-issuer-missing").status())
                .isEqualTo(Finding.Status.WARN);
    }

    @Test
    void aConfiguredAudienceTheTokenLacksFailsNamingBoth() {
        Finding finding = finding(check(client().audience("orders-api"), jwt("\"aud\":[\"api\",\"other\"]", 300)),
                "token-audience-missing");

        assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(finding.summary()).contains("audience 'api', 'other'", "without 'orders-api'",
                "oauth.agent.clients.billing.audience");
        assertThat(finding.fix()).contains("refuses this token");
    }

    @Test
    void aConfiguredResourceTheTokenLacksFailsToo() {
        Finding finding = finding(check(client().resources(List.of("https://orders.example.com")),
                jwt("\"iss\":\"" + ISSUER + "\"", 300)), "token-audience-missing");

        assertThat(finding.summary()).contains("no audience (no aud claim)", "'https://orders.example.com'",
                "oauth.agent.clients.billing.resource");
    }

    @Test
    void withNoAudienceConfiguredItSaysWhichOneTheTokenHas() {
        Finding finding = finding(check(client(), jwt("\"aud\":\"api\"", 300)), "token-audience");

        assertThat(finding.status()).isEqualTo(Finding.Status.OK);
        assertThat(finding.summary()).contains("audience 'api'", "the API must expect this one");
    }

    @Test
    void requestedScopesTheTokenLacksWarnNamingThem() {
        Finding finding = finding(check(client().scopes(List.of("read", "write", "admin")),
                jwt("\"scp\":[\"read\"]", 300)), "token-scope-missing");

        assertThat(finding.status()).isEqualTo(Finding.Status.WARN);
        assertThat(finding.summary()).contains("scope 'read'", "without the requested 'write admin'");
        assertThat(finding.fix()).contains("403", "oauth.agent.clients.billing.scopes");
    }

    @Test
    void anEntraDefaultScopeIsNotLookedForInTheToken() {
        Finding finding = finding(check(client().scopes(List.of("api://orders/.default")),
                jwt("\"scp\":\"orders.read\"", 300)), "token-scope");

        assertThat(finding.status()).isEqualTo(Finding.Status.OK);
    }

    @Test
    void aTokenAlreadyExpiredByThisClockFails() {
        Finding finding = finding(check(client(), jwt("\"iat\":" + (IAT - 400) + ",\"exp\":" + (IAT - 100), 300)),
                "token-expired");

        assertThat(finding.status()).isEqualTo(Finding.Status.FAIL);
        assertThat(finding.summary()).contains("100 s before");
        assertThat(finding.fix()).contains("clock-skew");
    }

    @Test
    void aTokenLivingShorterThanExpiresInWarnsWithTheRefreshBeforeToSet() {
        Finding finding = finding(check(client(), jwt("\"iat\":" + IAT + ",\"exp\":" + (IAT + 300), 3600)),
                "token-expiry-mismatch");

        assertThat(finding.status()).isEqualTo(Finding.Status.WARN);
        assertThat(finding.summary()).contains("lives 300 s", "plans with 3600 s from expires_in");
        assertThat(finding.fix()).contains("oauth.agent.clients.billing.refresh-before to at least 3360s");
    }

    @Test
    void aTokenLivingShorterThanTheAssumedDefaultSaysWhichDefaultToSet() {
        AccessToken token = new AccessToken(UnsignedJwt.withClaims("{\"exp\":" + (IAT + 120) + "}"), "Bearer", 300,
                false, null, null, null);

        Finding finding = finding(check(client(), token), "token-expiry-mismatch");

        assertThat(finding.fix()).isEqualTo("set oauth.agent.clients.billing.default-expires-in to 120s");
    }

    @Test
    void aNotBeforeFarAfterIssuanceWarns() {
        Finding finding = finding(check(client(), jwt("\"iat\":" + IAT + ",\"nbf\":" + (IAT + 600) + ",\"exp\":"
                + (IAT + 900), 900)), "token-not-yet-valid");

        assertThat(finding.status()).isEqualTo(Finding.Status.WARN);
        assertThat(finding.summary()).contains("2026-12-07T12:10:00Z (nbf), 600 s after it was issued (iat)");
    }

    @Test
    void aNotBeforeWithinTheToleranceSaysNothing() {
        List<Finding> findings = check(client(), jwt("\"iat\":" + IAT + ",\"nbf\":" + (IAT + 5) + ",\"exp\":"
                + (IAT + 300), 300));

        assertThat(findings).extracting(Finding::code).doesNotContain("token-not-yet-valid");
    }

    @Test
    void claimsOfTheWrongTypeWarnWithoutQuotingThem() {
        Finding finding = finding(check(client(), jwt("\"aud\":42", 300)), "token-claims-unreadable");

        assertThat(finding.status()).isEqualTo(Finding.Status.WARN);
        assertThat(finding.summary()).contains("'aud'", "a JSON number");
    }

    @Test
    void noFindingShowsTheTokenOrItsSignature() {
        String token = UnsignedJwt.withClaims("{\"iss\":\"https://elsewhere.staging.example\",\"aud\":\"x\","
                + "\"scope\":\"read\",\"exp\":" + (IAT - 5) + "}");
        check(client().audience("api").scopes(List.of("write")), new AccessToken(token, "Bearer", 300, null));

        assertThat(printed).hasSizeGreaterThan(4);
        assertThat(String.join("\n", printed)).doesNotContain(token).doesNotContain(UnsignedJwt.SIGNATURE)
                .doesNotContain(token.split("\\.")[1]);
    }

    private List<Finding> check(ClientConfig.Builder client, AccessToken token) {
        Instant sent = NOW.minusMillis(200);
        ServerDate serverDate = new ServerDate(Clock.fixed(sent, ZoneOffset.UTC));
        serverDate.sent();
        serverDate.answered("Mon, 07 Dec 2026 12:00:00 GMT");
        List<Finding> findings = new TokenClaimsCheck(Clock.fixed(NOW, ZoneOffset.UTC))
                .check(client.build(), token, serverDate);
        for (Finding finding : findings) {
            printed.add(finding.toString());
        }
        return findings;
    }

    private static Finding finding(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + findings));
    }

    private static AccessToken jwt(String claims, long expiresIn) {
        return token(UnsignedJwt.withClaims("{" + claims + "}"), expiresIn);
    }

    private static AccessToken token(String value, long expiresIn) {
        return new AccessToken(value, "Bearer", expiresIn, null);
    }

    private static ClientConfig.Builder client() {
        return ClientConfig.builder("billing").tokenUrl(URI.create(TOKEN_URL)).clientId("billing-service")
                .clientSecret(Secret.of("doctor-test-secret", "env var BILLING_SECRET"));
    }
}
