package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

/** The issuer key: instead of token-url, never with it, validated as token-url is, and the user grant URLs with it. */
class IssuerConfigTest {
    private static final String ISSUER = "https://auth.example.com/realms/prod";

    private static ConfigInput withIssuer() {
        return ConfigInput.withValidClient("billing").removeSys("clients.billing.token-url")
                .sys("clients.billing.issuer", ISSUER);
    }

    @Test
    void aClientWithIssuerLoadsWithoutTokenUrl() throws ConfigException {
        ClientConfig billing = withIssuer().load().config().client("billing");
        assertThat(billing.issuer()).isEqualTo(URI.create(ISSUER));
        assertThat(billing.tokenUrl()).isNull();
        assertThat(billing.toString()).contains("issuer=" + ISSUER);
    }

    @Test
    void theDocumentedExampleIsAccepted() throws ConfigException {
        ClientConfig billing = withIssuer().sys("clients.billing.issuer", KnownKeys.ISSUER.example()).load().config()
                .client("billing");
        assertThat(billing.issuer()).isEqualTo(URI.create(KnownKeys.ISSUER.example()));
    }

    @Test
    void issuerAndTokenUrlTogetherAreRefusedNamingBoth() {
        String message = withIssuer().sys("clients.billing.token-url", "https://auth.example.com/oauth2/token")
                .messageOf("clients.billing.token-url");
        assertThat(message).startsWith("is set together with oauth.agent.clients.billing.issuer; set only one: "
                + "oauth.agent.clients.billing.issuer to take the token endpoint from the server's metadata document, "
                + "or oauth.agent.clients.billing.token-url to name it yourself");
    }

    @Test
    void neitherIsRefusedNamingBoth() {
        String message = ConfigInput.withValidClient("billing").removeSys("clients.billing.token-url")
                .messageOf("clients.billing.token-url");
        assertThat(message).startsWith("is required but not set; set oauth.agent.clients.billing.token-url or env var"
                + " OAUTH_AGENT_CLIENTS_BILLING_TOKEN_URL, e.g. https://auth.example.com/oauth2/token, or set "
                + "oauth.agent.clients.billing.issuer (e.g. https://auth.example.com) to take the endpoints from the "
                + "server's metadata document");
    }

    @Test
    void aPlainHttpIssuerIsRefusedUnlessAllowHttp() throws ConfigException {
        assertThat(withIssuer().sys("clients.billing.issuer", "http://127.0.0.1:9000")
                .messageOf("clients.billing.issuer")).startsWith("uses plain http, so the client secret and tokens "
                + "would cross the network unencrypted; use https, or for local testing only set "
                + "oauth.agent.clients.billing.allow-http=true");
        ClientConfig billing = withIssuer().sys("clients.billing.issuer", "http://127.0.0.1:9000")
                .sys("clients.billing.allow-http", "true").load().config().client("billing");
        assertThat(billing.issuer()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    }

    @Test
    void anIssuerIsValidatedAsAUrlAndRefusesAQuery() {
        assertThat(withIssuer().sys("clients.billing.issuer", "auth.example.com").messageOf("clients.billing.issuer"))
                .startsWith("has no scheme");
        assertThat(withIssuer().sys("clients.billing.issuer", "https://user:pw@auth.example.com")
                .messageOf("clients.billing.issuer")).startsWith("contains user info").doesNotContain("pw");
        assertThat(withIssuer().sys("clients.billing.issuer", "https://auth.example.com/?tenant=a")
                .messageOf("clients.billing.issuer")).startsWith("has a query (?...), which an issuer never has");
    }

    @Test
    void withIssuerTheUserGrantUrlsAreOptionalAndKeptWhenSet() throws ConfigException {
        ClientConfig device = withIssuer().sys("clients.billing.grant-type", "device_code").load().config()
                .client("billing");
        assertThat(device.deviceAuthorizationUrl()).isNull();

        String explicit = "https://other.example.com/device";
        ClientConfig set = withIssuer().sys("clients.billing.grant-type", "device_code")
                .sys("clients.billing.device-authorization-url", explicit).load().config().client("billing");
        ClientConfig resolved = set.withDiscoveredEndpoints(URI.create("https://auth.example.com/token"),
                URI.create("https://auth.example.com/device"), URI.create("https://auth.example.com/authorize"));
        assertThat(resolved.deviceAuthorizationUrl()).isEqualTo(URI.create(explicit));
        assertThat(resolved.authorizationUrl()).isEqualTo(URI.create("https://auth.example.com/authorize"));
        assertThat(resolved.tokenUrl()).isEqualTo(URI.create("https://auth.example.com/token"));
        assertThat(resolved.issuer()).isEqualTo(URI.create(ISSUER));
        assertThat(resolved.clientSecret()).isSameAs(set.clientSecret());
    }
}
