package dev.oauthagent.agent.cli.doctor;

import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.ServerMetadata;
import dev.oauthagent.agent.token.ServerTextSanitizer;
import dev.oauthagent.agent.token.TokenFetchException;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings for a token endpoint that answered but refused: an RFC 6749 §5.2 error code (invalid_client,
 * unauthorized_client, invalid_scope, invalid_target), or an answer that shows the URL is no token endpoint (404,
 * 405, an HTML page). Where the server's metadata document lists what it supports, the fix quotes it, sanitized as
 * all text a server chose ({@link ServerTextSanitizer}).
 */
final class RefusalFindings {
    private final ClientConfig client;
    private final FailedEndpoint endpoint;
    private final KeyOrigins keys;
    private final FailureProbes probes;
    private final ServerTextSanitizer sanitizer;

    RefusalFindings(ClientConfig client, FailedEndpoint endpoint, KeyOrigins keys, FailureProbes probes) {
        this.client = client;
        this.endpoint = endpoint;
        this.keys = keys;
        this.probes = probes;
        this.sanitizer = ServerTextSanitizer.forClient(client);
    }

    /** The finding, or null when the failure is no refusal these findings know. */
    Finding diagnose(TokenFetchException failure) {
        String code = failure.errorCode();
        int status = failure.httpStatus();
        if ("invalid_client".equals(code) || (code == null && status == 401)) {
            return invalidClient(answered(failure));
        }
        if ("unauthorized_client".equals(code)) {
            return unauthorizedClient(answered(failure));
        }
        if ("invalid_scope".equals(code)) {
            return invalidScope(answered(failure));
        }
        if ("invalid_target".equals(code)) {
            return invalidTarget(answered(failure));
        }
        if (code == null && (status == 404 || status == 405)) {
            return notATokenEndpoint("answered HTTP " + status + (status == 404 ? " (no such path)"
                    : " (it does not take POST)") + ": there is no token endpoint at this URL", "token-url-not-found");
        }
        if (code == null && status > 0 && mentionsHtml(failure)) {
            return notATokenEndpoint("answered HTTP " + status + " with " + ClientMessages.HTML_PAGE + " (a login"
                    + " page, a proxy or a web console), not a token response", "token-url-html");
        }
        return null;
    }

    /** For a code client the server does not know (a bare 400 to its authorization request, invalid_client here). */
    Finding unknownCodeClient() {
        return Finding.fail("invalid-client", "the authorization server does not know client-id '" + client.clientId()
                + "': it refused the authorization request and the client at its token endpoint",
                "check " + keys.keyWithOrigin("client-id") + " against the client's registration on the server"
                        + secretToCheck() + ".");
    }

    private Finding invalidClient(String answered) {
        String refused = endpoint.describe() + " refused client-id '" + client.clientId() + "' (" + answered + ")";
        EnvironmentMarkers.Marker ofClient = EnvironmentMarkers.of(client.clientId());
        String serverHost = serverHostWithMarker();
        EnvironmentMarkers.Marker ofServer = EnvironmentMarkers.of(serverHost);
        if (ofClient != null && ofServer != null && !ofClient.sameEnvironment(ofServer)) {
            return Finding.fail("client-environment-mismatch", refused + ": it looks like a client of environment "
                    + ofClient.environment + " ('" + ofClient.word + "' in the client id) sent to the server of"
                    + " environment " + ofServer.environment + " ('" + ofServer.word + "' in host " + serverHost
                    + ")", "use the client-id and secret registered on " + serverHost + " ("
                    + keys.keyWithOrigin("client-id") + secretToCheck() + "), or point "
                    + keys.keyWithOrigin(endpoint.urlKey) + " to the " + ofClient.environment + " server.");
        }
        if (client.clientAuth().usesKey() || client.clientAuth().sendsAssertion()) {
            return assertionRefused(refused);
        }
        if (client.clientAuth().presentsCertificate()) {
            return certificateRefused(refused);
        }
        if (!client.clientAuth().usesSecret()) {
            return Finding.fail("invalid-client", refused + ", sent as a public client (no secret)",
                    "check " + keys.keyWithOrigin("client-id") + "; if the server registered the client as"
                            + " confidential, set " + keys.key("client-secret") + " and " + keys.key("client-auth")
                            + ".");
        }
        String origin = client.clientSecret() == null ? "nowhere" : client.clientSecret().origin();
        ClientAuthMethod other = otherSecretMethod();
        if (probes.acceptsClientAuth(other)) {
            return Finding.fail("client-auth-mismatch", refused + " with the secret sent as "
                    + client.clientAuth().configName() + "; the same credentials sent as " + other.configName()
                    + " get a token", "set " + keys.keyWithOrigin("client-auth") + " to " + other.configName() + ".");
        }
        return Finding.fail("invalid-client", refused + "; the secret, from " + origin + ", was sent as "
                + client.clientAuth().configName(),
                authMethodAdvice() + "check " + keys.keyWithOrigin("client-id") + secretToCheck()
                        + " against the client's registration on the server.");
    }

    /**
     * A client assertion refused: never tried another way (that would need a secret the client does not use); the
     * fix lists what servers check in an assertion, in the order they most often fail.
     */
    private Finding assertionRefused(String refused) {
        ClientAuthMethod method = client.clientAuth();
        String credential = method == ClientAuthMethod.PRIVATE_KEY_JWT
                ? "the public key of " + keys.keyWithOrigin("private-key") + " registered for the client (its JWK set"
                        + " or certificate" + (client.keyId() == null ? "" : ", with kid " + client.keyId()) + ")"
                : method == ClientAuthMethod.CLIENT_SECRET_JWT
                        ? keys.keyWithOrigin("client-secret") + " being the client's registered secret"
                        : "the server trusting the issuer of the assertion in " + keys.keyWithOrigin("client-assertion")
                                + " for this client (a federated credential), and the assertion's subject and"
                                + " audience being those registered";
        String signedHere = method == ClientAuthMethod.CLIENT_ASSERTION ? "" : "; the assertion's audience ("
                + keys.key("client-assertion-audience") + ": the token endpoint or the issuer); and this machine's"
                + " clock (an assertion is valid for 60 s from its iat)";
        return Finding.fail("invalid-client", refused + " with a client assertion (" + method.metadataName()
                + ")", "check " + keys.keyWithOrigin("client-id") + "; " + credential + "; the server allowing "
                + method.metadataName() + " for the client" + signedHere + ".");
    }

    /** A mutual-TLS client refused: what servers match a client certificate with (RFC 8705 §2). */
    private Finding certificateRefused(String refused) {
        ClientAuthMethod method = client.clientAuth();
        String certificate = keys.keyWithOrigin(client.clientCertificate() != null ? "client-certificate" : "private-key");
        String match = method == ClientAuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH
                ? "the certificate in " + certificate + " being the one registered for the client (its JWK set's x5c)"
                : "the subject DN of the certificate in " + certificate + " being the one registered for the client,"
                        + " and the server trusting its issuer (the CA listed after it)";
        return Finding.fail("invalid-client", refused + " with its client certificate (" + method.configName() + ")",
                "check " + keys.keyWithOrigin("client-id") + "; " + match + "; the server allowing "
                        + method.configName() + " for the client and asking for client certificates at this endpoint"
                        + " (its metadata's mtls_endpoint_aliases).");
    }

    /** The token endpoint's host; the issuer's when only that one names an environment (a shared token host). */
    private String serverHostWithMarker() {
        if (EnvironmentMarkers.of(endpoint.host()) == null && client.issuer() != null) {
            return client.issuer().getHost();
        }
        return endpoint.host();
    }

    private String secretToCheck() {
        return client.clientSecret() == null ? "" : " and " + keys.keyWithOrigin("client-secret");
    }

    /** The secret's other way to the server: in the Basic header or in the form. */
    private ClientAuthMethod otherSecretMethod() {
        return client.clientAuth() == ClientAuthMethod.CLIENT_SECRET_BASIC ? ClientAuthMethod.CLIENT_SECRET_POST
                : ClientAuthMethod.CLIENT_SECRET_BASIC;
    }

    /** What the server's metadata says of the configured client authentication, as the first words of a fix. */
    private String authMethodAdvice() {
        ClientAuthMethod sent = client.clientAuth();
        ClientAuthMethod other = otherSecretMethod();
        String clientAuth = keys.keyWithOrigin("client-auth");
        ServerMetadata metadata = probes.metadata();
        List<String> supported = metadata == null ? null : metadata.list("token_endpoint_auth_methods_supported");
        if (supported == null) {
            return "if the client is registered for " + other.configName() + ", set " + clientAuth + "="
                    + other.configName() + "; else ";
        }
        String listed = "the server's metadata " + metadata.document() + " lists token_endpoint_auth_methods_supported "
                + server(supported);
        if (!supported.contains(sent.configName())) {
            return listed + ", without " + sent.configName() + ": set " + clientAuth + " to one of them"
                    + (supported.contains(other.configName()) ? " (" + other.configName() + ")" : "") + "; and ";
        }
        return listed + ", " + sent.configName() + " among them, so the method is likely right (unless the client is"
                + " registered for another: then set " + clientAuth + "); ";
    }

    private Finding unauthorizedClient(String answered) {
        String grant = client.grantType().wireName();
        ServerMetadata metadata = probes.metadata();
        List<String> supported = metadata == null ? null : metadata.list("grant_types_supported");
        String serverWide = supported == null || supported.contains(grant) ? ""
                : " The server's metadata lists grant_types_supported " + server(supported) + ", without " + grant
                        + ": the server itself does not offer it.";
        return Finding.fail("unauthorized-client", endpoint.describe() + " does not let client-id '"
                + client.clientId() + "' use the " + grant + " grant (" + answered + ")",
                "register grant " + grant + " for client '" + client.clientId() + "' on the authorization server, or"
                        + " set " + keys.keyWithOrigin("grant-type") + " to a grant the client is registered for."
                        + serverWide);
    }

    private Finding invalidScope(String answered) {
        if (client.scopes().isEmpty()) {
            return Finding.fail("invalid-scope", endpoint.describe() + " wants a scope and none was requested ("
                    + answered + ")", "set " + keys.keyWithOrigin("scopes") + " to the scopes registered for client '"
                    + client.clientId() + "'." + scopesSupported());
        }
        return Finding.fail("invalid-scope", endpoint.describe() + " refused the requested scopes '"
                + String.join(" ", client.scopes()) + "' (" + answered + ")", "request only scopes registered for"
                + " client '" + client.clientId() + "': remove the others from " + keys.keyWithOrigin("scopes")
                + ", or register them for the client on the server." + scopesSupported());
    }

    /** The metadata's scopes_supported and which requested scopes it does not list, when the server publishes one. */
    private String scopesSupported() {
        ServerMetadata metadata = probes.metadata();
        List<String> supported = metadata == null ? null : metadata.list("scopes_supported");
        if (supported == null) {
            return "";
        }
        List<String> unknown = new ArrayList<>(client.scopes());
        unknown.removeAll(supported);
        return " The server's metadata lists scopes_supported " + server(supported)
                + (unknown.isEmpty() ? "." : "; not among them: " + unknown + ".");
    }

    private Finding invalidTarget(String answered) {
        List<String> asked = new ArrayList<>();
        if (client.audience() != null) {
            asked.add("audience '" + client.audience() + "' of " + keys.keyWithOrigin("audience"));
        }
        if (!client.resources().isEmpty()) {
            asked.add("resource " + client.resources() + " of " + keys.keyWithOrigin("resource"));
        }
        String what = asked.isEmpty() ? "no audience or resource was configured" : String.join(" and ", asked);
        return Finding.fail("invalid-target", endpoint.describe() + " refused the requested target ("
                + answered + "): " + what, "set " + keys.key("audience") + " or " + keys.key("resource")
                + " to an API the server knows and lets client '" + client.clientId() + "' call (its identifier as"
                + " registered on the server, e.g. the API's URL), or remove them for the server's default.");
    }

    private Finding notATokenEndpoint(String answered, String code) {
        return Finding.fail(code, endpoint.describe() + " " + answered, tokenEndpointFix());
    }

    /** Where the token endpoint is: the one the server's metadata names, or how to find it. */
    private String tokenEndpointFix() {
        ServerMetadata metadata = probes.metadata();
        String named = metadata == null ? null : metadata.endpoint("token_endpoint");
        if (client.issuer() != null) {
            return "the metadata document of " + keys.keyWithOrigin("issuer") + " names this URL as token_endpoint:"
                    + " the server's metadata is wrong; check the issuer, and tell the server's operators.";
        }
        if (named != null && !metadata.names("token_endpoint", endpoint.url)) {
            String issuer = metadata.text("issuer");
            String orIssuer = issuer == null ? "" : "; or replace token-url with " + keys.key("issuer") + "="
                    + sanitizer.sanitize(issuer) + " to discover it";
            return "set " + keys.keyWithOrigin("token-url") + " to " + sanitizer.sanitize(named) + ", the"
                    + " token_endpoint of the server's metadata " + metadata.document() + orIssuer + ".";
        }
        return "set " + keys.keyWithOrigin("token-url") + " to the token endpoint itself: the token_endpoint of the"
                + " server's discovery document (<issuer>/.well-known/openid-configuration or"
                + " /.well-known/oauth-authorization-server); or set " + keys.key("issuer")
                + " instead of token-url to discover it.";
    }

    /** A list from the server's metadata, as the server wrote it but printable and short. */
    private String server(List<String> list) {
        return sanitizer.sanitize(list.toString());
    }

    private static String answered(TokenFetchException failure) {
        String code = failure.errorCode() == null ? "" : failure.errorCode() + ", ";
        return failure.httpStatus() > 0 ? code + "HTTP " + failure.httpStatus() : code.replace(", ", "");
    }

    private static boolean mentionsHtml(TokenFetchException failure) {
        return failure.getMessage() != null && failure.getMessage().contains(ClientMessages.HTML_PAGE);
    }
}
