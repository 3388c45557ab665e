package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.PublishedMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Compares a client's configuration with what its server's metadata document says it supports: the grant type in
 * {@code grant_types_supported}, the client authentication method in {@code token_endpoint_auth_methods_supported}
 * (each with RFC 8414 §2's default when the document leaves the list out) and, for a user grant, the endpoint its
 * login needs. A mismatch is a failure here; {@link ClientDoctor} softens it to a warning when the server issues a
 * token all the same (its list is then incomplete, not the configuration wrong).
 */
final class ServerMetadataCheck {
    static final String GRANT_TYPE_NOT_LISTED = "grant-type-not-listed";
    static final String CLIENT_AUTH_NOT_LISTED = "client-auth-not-listed";

    /** RFC 8414 §2: the value when grant_types_supported is omitted. */
    static final List<String> DEFAULT_GRANT_TYPES = Collections.unmodifiableList(
            Arrays.asList("authorization_code", "implicit"));
    /** RFC 8414 §2: the value when token_endpoint_auth_methods_supported is omitted. */
    static final List<String> DEFAULT_AUTH_METHODS = Collections.singletonList("client_secret_basic");

    private final ClientConfig client;
    private final PublishedMetadata metadata;
    private final ClientMessages messages;

    ServerMetadataCheck(ClientConfig client, PublishedMetadata metadata) {
        this.client = client;
        this.metadata = metadata;
        this.messages = new ClientMessages(client);
    }

    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        GrantType grant = client.grantType();
        findings.add(grantType(grant.wireName(), "grant-type " + grant.configName() + " ("
                + messages.key("grant-type") + ")"));
        if (grant.holdsRefreshTokens()) {
            // A user grant's tokens come from redeeming its refresh token, in check as in the agent.
            findings.add(grantType(GrantType.REFRESH_TOKEN.wireName(), "grant type refresh_token, which grant-type "
                    + grant.configName() + " redeems for every access token,"));
        }
        findings.add(clientAuth());
        Finding endpoint = userGrantEndpoint(grant);
        if (endpoint != null) {
            findings.add(endpoint);
        }
        return findings;
    }

    private Finding grantType(String wireName, String what) {
        List<String> listed = metadata.grantTypesSupported();
        List<String> effective = listed == null ? DEFAULT_GRANT_TYPES : listed;
        if (effective.contains(wireName)) {
            return Finding.ok("grant-type-listed", metadata.document() + " lists " + wireName
                    + " in grant_types_supported");
        }
        return Finding.fail(GRANT_TYPE_NOT_LISTED, what + " is not in the server's grant_types_supported: "
                + listedAs("grant_types_supported", listed, DEFAULT_GRANT_TYPES),
                "have the server's administrators allow grant type " + wireName + " for client-id "
                + client.clientId() + ", or set " + messages.key("grant-type") + " to a grant the server lists");
    }

    private Finding clientAuth() {
        String method = client.clientAuth().metadataName();
        List<String> listed = metadata.authMethodsSupported();
        List<String> effective = listed == null ? DEFAULT_AUTH_METHODS : listed;
        if (effective.contains(method)) {
            return Finding.ok("client-auth-listed", metadata.document() + " lists " + method
                    + " in token_endpoint_auth_methods_supported");
        }
        String configured = client.clientAuth().configurable()
                ? "client-auth " + method + " (" + messages.key("client-auth") + ")"
                : "a client assertion (" + messages.key("client-assertion") + ", sent as " + method + ")";
        return Finding.fail(CLIENT_AUTH_NOT_LISTED, configured + " is not in the server's"
                + " token_endpoint_auth_methods_supported: "
                + listedAs("token_endpoint_auth_methods_supported", listed, DEFAULT_AUTH_METHODS),
                authFix(effective));
    }

    private String authFix(List<String> effective) {
        for (String listed : effective) {
            ClientAuthMethod usable = ClientAuthMethod.fromConfigValue(listed);
            if (usable != null && sameCredential(usable, client.clientAuth())) {
                return "set " + messages.key("client-auth") + "=" + listed + ", a method the server lists";
            }
        }
        return "the server lists no method oauth-agent offers for this client's credential (client_secret_basic,"
                + " client_secret_post or client_secret_jwt with a secret, private_key_jwt with a key,"
                + " tls_client_auth or self_signed_tls_client_auth with a certificate, none for a public client); ask its administrators to enable one for client-id " + client.clientId();
    }

    /**
     * Whether a method proves the client with what it has now: a secret, a key, a certificate, or nothing (a public
     * client).
     */
    private static boolean sameCredential(ClientAuthMethod a, ClientAuthMethod b) {
        return a.usesSecret() == b.usesSecret() && a.usesKey() == b.usesKey()
                && a.presentsCertificate() == b.presentsCertificate();
    }

    /** For a user grant: the endpoint its login starts at, as configured or named by the document. */
    private Finding userGrantEndpoint(GrantType grant) {
        if (grant == GrantType.DEVICE_CODE) {
            return endpoint(metadata.namesDeviceAuthorizationEndpoint(), "device_authorization_endpoint",
                    "device-authorization-url", "device flow");
        }
        if (grant == GrantType.AUTHORIZATION_CODE) {
            return endpoint(metadata.namesAuthorizationEndpoint(), "authorization_endpoint", "authorization-url",
                    "code flow");
        }
        return null;
    }

    private Finding endpoint(boolean named, String field, String key, String flow) {
        if (named) {
            return Finding.ok("user-grant-endpoint-listed", metadata.document() + " names a " + field);
        }
        // The configuration has the endpoint (it is required without an issuer that names it): only a hint.
        return Finding.warn("user-grant-endpoint-not-listed", metadata.document() + " names no " + field + ", so"
                + " the server may not offer the " + flow + " that " + messages.key(key) + " points to",
                "check with the server's administrators that " + messages.key(key) + " is its " + field
                + " and the " + flow + " is enabled for client-id " + client.clientId());
    }

    private String listedAs(String field, List<String> listed, List<String> defaults) {
        if (listed == null) {
            return metadata.document() + " has no " + field + ", which by RFC 8414 means " + defaults;
        }
        return metadata.document() + " lists " + listed;
    }
}
