package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user grants' configuration: grant-type device_code, authorization_code and refresh_token, client-auth=none,
 * device-authorization-url, authorization-url and redirect-uri; each refusal with its exact message.
 */
class UserGrantConfigTest {
    private static final String P = "oauth.agent.clients.billing.";
    private static final String DEVICE_URL = "https://auth.example.com/oauth2/device_authorization";
    private static final String AUTHORIZE_URL = "https://auth.example.com/oauth2/authorize";

    @TempDir
    Path dir;

    private static ConfigInput device() {
        return ConfigInput.withValidClient("billing").sys("clients.billing.grant-type", "device_code")
                .sys("clients.billing.device-authorization-url", DEVICE_URL);
    }

    private static ConfigInput code() {
        return ConfigInput.withValidClient("billing").sys("clients.billing.grant-type", "authorization_code")
                .sys("clients.billing.authorization-url", AUTHORIZE_URL);
    }

    private static ConfigInput publicCode() {
        return code().removeSys("clients.billing.client-secret").sys("clients.billing.client-auth", "none");
    }

    private static String redirectMessage(String redirect) {
        return code().sys("clients.billing.redirect-uri", redirect).messageOf("clients.billing.redirect-uri");
    }

    @Test
    void aDeviceCodeClientLoadsWithItsEndpointAndTheShortOrWireName() throws ConfigException {
        ClientConfig billing = device().load().config().client("billing");
        assertThat(billing.grantType()).isEqualTo(GrantType.DEVICE_CODE);
        assertThat(billing.deviceAuthorizationUrl()).isEqualTo(URI.create(DEVICE_URL));
        assertThat(billing.clientSecret()).isNotNull();

        ClientConfig wire = device().sys("clients.billing.grant-type", "urn:ietf:params:oauth:grant-type:device_code")
                .load().config().client("billing");
        assertThat(wire.grantType()).isEqualTo(GrantType.DEVICE_CODE);
    }

    @Test
    void aPublicAuthorizationCodeClientLoadsWithTheDefaultRedirectAndNoSecret() throws ConfigException {
        ClientConfig billing = publicCode().load().config().client("billing");
        assertThat(billing.grantType()).isEqualTo(GrantType.AUTHORIZATION_CODE);
        assertThat(billing.clientAuth()).isEqualTo(ClientAuthMethod.NONE);
        assertThat(billing.clientSecret()).isNull();
        assertThat(billing.authorizationUrl()).isEqualTo(URI.create(AUTHORIZE_URL));
        assertThat(billing.redirectUri()).isEqualTo("http://127.0.0.1:0/callback");
        assertThat(billing.toString()).contains("clientAuth=none", "authorizationUrl=" + AUTHORIZE_URL,
                "redirectUri=http://127.0.0.1:0/callback");
    }

    @Test
    void theRedirectUriIsKeptExactlyAsWrittenCaseIncluded() throws ConfigException {
        for (String redirect : new String[] {"http://127.0.0.1:8765/CallBack", "http://[::1]:0/cb/?x=1",
                "HTTP://127.0.0.1:1/Back"}) {
            ClientConfig billing = code().sys("clients.billing.redirect-uri", redirect).load().config()
                    .client("billing");
            assertThat(billing.redirectUri()).isEqualTo(redirect);
        }
    }

    @Test
    void localhostIsRefusedWithTheReason() {
        assertThat(redirectMessage("http://localhost:0/callback")).isEqualTo("uses localhost; write the IP literal "
                + "127.0.0.1 (or [::1]) instead: localhost may resolve to another interface and be answered by another "
                + "program (RFC 8252 §8.3) (from system property " + P + "redirect-uri)");
    }

    @Test
    void aRedirectOffTheLoopbackOrOverHttpsIsRefused() {
        assertThat(redirectMessage("http://10.0.0.1:0/callback")).isEqualTo("must name the loopback IP literal "
                + "127.0.0.1 or [::1] as its host, where the agent listens during a login (RFC 8252 §7.3); e.g. "
                + "http://127.0.0.1:0/callback (from system property " + P + "redirect-uri)");
        assertThat(redirectMessage("https://127.0.0.1:0/callback")).isEqualTo("must be an http URI on the loopback "
                + "interface, where the agent receives the redirect itself (RFC 8252 §7.3); e.g. "
                + "http://127.0.0.1:0/callback (from system property " + P + "redirect-uri)");
    }

    @Test
    void aRedirectWithoutPortOrPathOrWithAFragmentIsRefused() {
        assertThat(redirectMessage("http://127.0.0.1/callback")).isEqualTo("has no port; write :0 for a free port "
                + "chosen at each login, or the fixed port registered with the authorization server, e.g. "
                + "http://127.0.0.1:0/callback (from system property " + P + "redirect-uri)");
        assertThat(redirectMessage("http://127.0.0.1:0")).isEqualTo("has no path; add the path registered with the "
                + "authorization server, e.g. http://127.0.0.1:0/callback (from system property " + P
                + "redirect-uri)");
        assertThat(redirectMessage("http://127.0.0.1:0/callback#x")).isEqualTo("has a fragment (#...), which a "
                + "redirect URI may not have (RFC 6749 §3.1.2); remove it (from system property " + P
                + "redirect-uri)");
    }

    @Test
    void eachFlowNeedsItsEndpoint() {
        assertThat(device().removeSys("clients.billing.device-authorization-url")
                .messageOf("clients.billing.device-authorization-url")).isEqualTo("is required with grant-type "
                        + "device_code; set it to the server's endpoint, e.g. " + P + "device-authorization-url="
                        + "https://auth.example.com/oauth2/device_authorization, or set " + P + "issuer to take it from "
                        + "the server's metadata document");
        assertThat(code().removeSys("clients.billing.authorization-url")
                .messageOf("clients.billing.authorization-url")).isEqualTo("is required with grant-type "
                        + "authorization_code; set it to the server's endpoint, e.g. " + P + "authorization-url="
                        + "https://auth.example.com/oauth2/authorize, or set " + P + "issuer to take it from the "
                        + "server's metadata document");
    }

    @Test
    void aPlainHttpEndpointNeedsAllowHttpAsTheTokenUrlDoes() {
        String message = device().sys("clients.billing.device-authorization-url", "http://auth.example.com/device")
                .messageOf("clients.billing.device-authorization-url");
        assertThat(message).isEqualTo("uses plain http, so the device code and the user code would cross the network "
                + "unencrypted; use https, or for local testing only set " + P + "allow-http=true (from system "
                + "property " + P + "device-authorization-url)");
    }

    @Test
    void anEndpointOrRedirectTheGrantDoesNotUseIsAWarning() throws ConfigException {
        LoadedConfig loaded = device().sys("clients.billing.authorization-url", AUTHORIZE_URL)
                .sys("clients.billing.redirect-uri", "http://127.0.0.1:0/callback").load();
        assertThat(loaded.warnings()).contains(
                P + "authorization-url is set, but grant-type device_code does not use it (only authorization_code "
                        + "does); remove it",
                P + "redirect-uri is set, but grant-type device_code does not use it (only authorization_code does); "
                        + "remove it");
    }

    @Test
    void aSecretWithClientAuthNoneIsAnError() {
        String message = code().sys("clients.billing.client-auth", "none").messageOf("clients.billing.client-secret");
        assertThat(message).isEqualTo("is set, but " + P + "client-auth=none (a public client) sends no secret; "
                + "remove " + P + "client-secret, or for a confidential client set " + P + "client-auth to "
                + "client_secret_basic or client_secret_post (from system property " + P + "client-secret)");
        assertThat(message).doesNotContain(ConfigInput.SECRET);
    }

    @Test
    void aUserGrantWithoutSecretNamesBothFixes() {
        String message = code().removeSys("clients.billing.client-secret").messageOf("clients.billing.client-secret");
        assertThat(message).isEqualTo("is required with client-auth=client_secret_basic (the default); set " + P
                + "client-secret for a confidential client, or " + P + "client-auth=none for a public client, which "
                + "has no secret");
    }

    @Test
    void clientCredentialsWithClientAuthNoneIsAnError() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.client-auth", "none")
                .messageOf("clients.billing.client-auth");
        assertThat(message).isEqualTo("is none (a public client), but with grant-type client_credentials the client "
                + "acts for itself and must prove it with its secret; set client_secret_basic or client_secret_post "
                + "(from system property " + P + "client-auth)");
    }

    @Test
    void theRefreshTokenGrantNeedsATokenStore() throws ConfigException {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.grant-type", "refresh_token")
                .messageOf("clients.billing.token-store");
        assertThat(message).isEqualTo("is required with grant-type refresh_token, which only redeems the refresh "
                + "token that java -jar oauth-agent.jar login billing stores there; set " + P + "token-store and " + P
                + "token-store-key, or use grant-type device_code or authorization_code");

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ClientConfig billing = ConfigInput.withValidClient("billing").sys("clients.billing.grant-type", "refresh_token")
                .sys("clients.billing.token-store", dir.resolve("billing.tokens").toString())
                .sys("clients.billing.token-store-key", "${env:STORE_KEY}")
                .env("STORE_KEY", Base64.getEncoder().encodeToString(key)).load().config().client("billing");
        assertThat(billing.grantType()).isEqualTo(GrantType.REFRESH_TOKEN);
        assertThat(billing.tokenStore()).isNotNull();
    }
}
