package dev.oauthagent.agent.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.cli.doctor.Finding.Status;
import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.PublishedMetadata;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerMetadataCheckTest {
    private static final URI DOCUMENT = URI.create("https://as.example.com/.well-known/oauth-authorization-server");

    private static ClientConfig client(GrantType grant, ClientAuthMethod auth) {
        return ClientConfig.builder("orders").tokenUrl(URI.create("https://as.example.com/token"))
                .clientId("orders-client").grantType(grant).clientAuth(auth)
                .deviceAuthorizationUrl(URI.create("https://as.example.com/device")).build();
    }

    private static List<Finding> check(ClientConfig client, List<String> grants, List<String> methods,
            boolean deviceEndpoint) {
        return new ServerMetadataCheck(client, PublishedMetadata.of(DOCUMENT, grants, methods, deviceEndpoint, false))
                .findings();
    }

    private static Finding withCode(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aGrantTypeAndMethodTheServerListsAreOk() {
        List<Finding> findings = check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.CLIENT_SECRET_POST),
                List.of("client_credentials"), List.of("client_secret_basic", "client_secret_post"), false);

        assertThat(findings).extracting(Finding::code).containsExactly("grant-type-listed", "client-auth-listed");
        assertThat(findings).allMatch(f -> f.status() == Status.OK);
    }

    @Test
    void aClientAuthMethodTheServerDoesNotListFailsNamingKeyValueListAndAListedMethodAsTheFix() {
        Finding auth = withCode(check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.CLIENT_SECRET_POST),
                List.of("client_credentials"), List.of("client_secret_basic", "private_key_jwt"), false),
                "client-auth-not-listed");

        assertThat(auth.status()).isEqualTo(Status.FAIL);
        assertThat(auth.summary()).isEqualTo("client-auth client_secret_post (oauth.agent.clients.orders.client-auth)"
                + " is not in the server's token_endpoint_auth_methods_supported: " + DOCUMENT
                + " lists [client_secret_basic, private_key_jwt]");
        assertThat(auth.fix()).isEqualTo("set oauth.agent.clients.orders.client-auth=client_secret_basic,"
                + " a method the server lists");
    }

    @Test
    void aKeyClientIsOfferedOnlyAKeyMethodAndAFederatedAssertionIsListedAsPrivateKeyJwt() {
        Finding key = withCode(check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.PRIVATE_KEY_JWT),
                List.of("client_credentials"), List.of("client_secret_basic", "none"), false),
                "client-auth-not-listed");
        assertThat(key.fix()).as("no secret method, and not none, for a client holding a key")
                .startsWith("the server lists no method oauth-agent offers for this client's credential");

        List<Finding> federated = check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.CLIENT_ASSERTION),
                List.of("client_credentials"), List.of("client_secret_basic", "private_key_jwt"), false);
        assertThat(withCode(federated, "client-auth-listed").summary()).endsWith("lists private_key_jwt in"
                + " token_endpoint_auth_methods_supported");
        Finding notListed = withCode(check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.CLIENT_ASSERTION),
                List.of("client_credentials"), List.of("client_secret_basic"), false), "client-auth-not-listed");
        assertThat(notListed.summary()).startsWith("a client assertion (oauth.agent.clients.orders.client-assertion,"
                + " sent as private_key_jwt) is not in the server's token_endpoint_auth_methods_supported");
    }

    @Test
    void aCertificateClientIsOfferedTheOtherCertificateMethodAndNeverNone() {
        Finding onlyNone = withCode(check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.TLS_CLIENT_AUTH),
                List.of("client_credentials"), List.of("none", "client_secret_basic"), false),
                "client-auth-not-listed");
        Finding selfSigned = withCode(check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.TLS_CLIENT_AUTH),
                List.of("client_credentials"), List.of("none", "self_signed_tls_client_auth"), false),
                "client-auth-not-listed");

        assertThat(onlyNone.fix()).as("a client holding a certificate is no public client")
                .startsWith("the server lists no method oauth-agent offers for this client's credential")
                .contains("tls_client_auth or self_signed_tls_client_auth with a certificate");
        assertThat(selfSigned.fix()).isEqualTo("set oauth.agent.clients.orders.client-auth="
                + "self_signed_tls_client_auth, a method the server lists");
    }

    @Test
    void withoutTheAuthMethodsListTheRfcDefaultClientSecretBasicApplies() {
        ClientConfig basic = client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.CLIENT_SECRET_BASIC);
        ClientConfig post = client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.CLIENT_SECRET_POST);

        assertThat(withCode(check(basic, List.of("client_credentials"), null, false), "client-auth-listed").status())
                .isEqualTo(Status.OK);
        assertThat(withCode(check(post, List.of("client_credentials"), null, false), "client-auth-not-listed")
                .summary()).endsWith(DOCUMENT + " has no token_endpoint_auth_methods_supported, which by RFC 8414"
                + " means [client_secret_basic]");
    }

    @Test
    void withoutTheGrantTypesListTheRfcDefaultExcludesClientCredentials() {
        Finding grant = withCode(check(client(GrantType.CLIENT_CREDENTIALS, ClientAuthMethod.CLIENT_SECRET_BASIC),
                null, null, false), "grant-type-not-listed");

        assertThat(grant.status()).isEqualTo(Status.FAIL);
        assertThat(grant.summary()).isEqualTo("grant-type client_credentials (oauth.agent.clients.orders.grant-type)"
                + " is not in the server's grant_types_supported: " + DOCUMENT + " has no grant_types_supported,"
                + " which by RFC 8414 means [authorization_code, implicit]");
        assertThat(grant.fix()).contains("allow grant type client_credentials for client-id orders-client",
                "oauth.agent.clients.orders.grant-type");
    }

    @Test
    void aDeviceCodeClientNeedsItsGrantRefreshTokenAndTheDeviceEndpointListed() {
        List<Finding> findings = check(client(GrantType.DEVICE_CODE, ClientAuthMethod.CLIENT_SECRET_BASIC),
                List.of("urn:ietf:params:oauth:grant-type:device_code"), List.of("client_secret_basic"), false);

        assertThat(findings).extracting(Finding::code).containsExactly("grant-type-listed", "grant-type-not-listed",
                "client-auth-listed", "user-grant-endpoint-not-listed");
        assertThat(withCode(findings, "grant-type-not-listed").summary()).startsWith("grant type refresh_token,");
        assertThat(withCode(findings, "user-grant-endpoint-not-listed").status()).isEqualTo(Status.WARN);
        assertThat(withCode(findings, "user-grant-endpoint-not-listed").fix())
                .contains("oauth.agent.clients.orders.device-authorization-url");
    }
}
