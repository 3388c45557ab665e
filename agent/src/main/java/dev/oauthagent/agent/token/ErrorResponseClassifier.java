package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.AssertionAudience;
import dev.oauthagent.agent.config.ClientAuthMethod;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.auth.key.ClientCertificate;
import dev.oauthagent.agent.token.auth.key.KeyLoadException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Turns a refusal from the token endpoint (an RFC 6749 §5.2 error, an HTTP error status, or both) into a
 * {@link TokenFetchException} with the right {@link Kind} and a message that says what to change.
 *
 * <p>Terminal: the codes that mean the same request will get the same answer until someone changes the
 * configuration, the client's registration, or the server. {@code invalid_request} is among them: the
 * request is built from configuration alone, so sending it again unchanged cannot help. A 401 without an
 * error code is treated like invalid_client; a 404 or 405, whatever its body, means token-url is not a token
 * endpoint. Everything else (408, 429, 5xx, unknown codes, non-JSON answers) is transient.
 */
final class ErrorResponseClassifier {
    private static final Set<String> TERMINAL_CODES = new HashSet<>(Arrays.asList(
            "invalid_client", "unauthorized_client", "invalid_scope", "unsupported_grant_type", "invalid_grant",
            "invalid_request"));

    private final ClientConfig client;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final Clock clock;

    ErrorResponseClassifier(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer,
            Clock clock) {
        this.client = client;
        this.messages = messages;
        this.sanitizer = sanitizer;
        this.clock = clock;
    }

    /** @param parsed the body as a token response, or null when it is not one */
    TokenFetchException classify(TokenHttpResponse response, TokenResponse parsed) {
        int status = response.status();
        long retryAfter = status == 429 || status == 503 ? RetryAfter.seconds(response.retryAfter(), clock) : -1;
        String code = parsed == null ? null : sanitizer.sanitize(parsed.error());
        String retryNote = retryAfter >= 0 ? " The server asks to retry after " + retryAfter + " s." : "";
        if (isNotATokenEndpoint(status)) {
            return notATokenEndpoint(response);
        }
        if (code != null) {
            Kind kind = TERMINAL_CODES.contains(code) ? Kind.TERMINAL : Kind.TRANSIENT;
            String text = messages.endpoint() + " answered " + code + " (" + status + "): " + hintFor(code)
                    + serverSaid(parsed) + retryNote;
            return new TokenFetchException(messages.exception(text), kind, code, status, retryAfter, null);
        }
        Kind kind = status == 401 ? Kind.TERMINAL : Kind.TRANSIENT;
        String text = messages.endpoint() + " answered HTTP " + status + describeBody(response) + ": "
                + hintForStatus(status) + retryNote;
        return new TokenFetchException(messages.exception(text), kind, null, status, retryAfter, null);
    }

    /**
     * 404 or 405: no route takes a POST at this URL. Whatever the body says (Spring's
     * {"error":"Not Found"} is an HTTP reason, not an RFC 6749 code), asking again cannot help.
     */
    static boolean isNotATokenEndpoint(int status) {
        return status == 404 || status == 405;
    }

    private TokenFetchException notATokenEndpoint(TokenHttpResponse response) {
        int status = response.status();
        String text = messages.endpoint() + " answered HTTP " + status
                + (response.looksLikeHtml() ? " with " + ClientMessages.HTML_PAGE : "")
                + " (" + (status == 404 ? "no such path" : "it does not take POST") + "): this is not the token"
                + " endpoint; " + (client.issuer() != null ? "the metadata document of " + messages.key("issuer")
                + " names it as token_endpoint, so the server's metadata is wrong or changed; oauth-agent reads the"
                + " document again before its next attempt." : "check " + messages.key("token-url") + ". It must be"
                + " the token endpoint itself (the token_endpoint of the server's discovery document), not the issuer"
                + " or another URL.");
        return new TokenFetchException(messages.exception(text), Kind.TERMINAL, null, status, -1, null);
    }

    private String hintFor(String code) {
        switch (code) {
            case "invalid_client":
                return invalidClientHint();
            case "invalid_scope":
                return client.scopes().isEmpty()
                        ? "No scope was requested and the server wants one: set " + messages.key("scopes") + "."
                        : "The server refused the requested scopes " + sanitizer.sanitize(client.scopes().toString())
                                + "; check " + messages.key("scopes") + " against the scopes this client may have"
                                + " on the authorization server.";
            case "unauthorized_client":
                return "Client id '" + sanitizer.sanitize(client.clientId()) + "' may not use the "
                        + client.grantType().wireName() + " grant; allow it for this client on the authorization"
                        + " server.";
            case "unsupported_grant_type":
                return "The server does not support grant_type " + client.grantType().wireName()
                        + " here; check " + messages.key("token-url") + " and " + messages.key("grant-type") + ".";
            case "invalid_grant":
                return "The server rejected the grant; check this client's registration on the authorization"
                        + " server and " + messages.key("grant-type") + ".";
            case "invalid_request":
                return "The server found the request malformed or missing a parameter; check "
                        + messages.key("audience") + ", " + messages.key("resource") + " and "
                        + messages.key("client-auth") + " against what the server expects.";
            default:
                return "The authorization server refused the request; oauth-agent will retry.";
        }
    }

    private String invalidClientHint() {
        if (client.clientAuth() == ClientAuthMethod.CLIENT_ASSERTION) {
            return "The server refused the client assertion read from " + client.clientAssertion().origin()
                    + " for client id '" + sanitizer.sanitize(client.clientId()) + "'. Likely causes: the server does not "
                    + "trust its issuer and subject for this client (the federated credential registered there); its aud "
                    + "is not what the server expects; it expired in flight; or "
                    + messages.key("client-assertion-type") + " is not the type the server takes.";
        }
        if (client.clientAuth().sendsAssertion()) {
            return assertionRefusedHint();
        }
        if (client.clientAuth().presentsCertificate()) {
            return certificateRefusedHint();
        }
        if (!client.clientAuth().usesSecret()) {
            return "Client id '" + sanitizer.sanitize(client.clientId()) + "' was sent as a public client ("
                    + messages.key("client-auth") + "=none, no secret); check client-id, and if the server registered "
                    + "the client as confidential, set client-secret and client-auth.";
        }
        ClientAuthMethod other = client.clientAuth() == ClientAuthMethod.CLIENT_SECRET_BASIC
                ? ClientAuthMethod.CLIENT_SECRET_POST : ClientAuthMethod.CLIENT_SECRET_BASIC;
        String origin = client.clientSecret() == null ? "nowhere" : client.clientSecret().origin();
        return "Check client-id and client-secret; the secret comes from " + origin + ". It was sent as "
                + client.clientAuth().configName() + "; if the server expects " + other.configName() + ", set "
                + messages.key("client-auth") + ".";
    }

    /** The handshake passed with the certificate (or the server did not ask for one); the server did not match it. */
    private String certificateRefusedHint() {
        boolean selfSigned = client.clientAuth() == ClientAuthMethod.SELF_SIGNED_TLS_CLIENT_AUTH;
        Path file = client.clientCertificate() != null ? client.clientCertificate() : client.privateKey().path();
        return "The server refused client id '" + sanitizer.sanitize(client.clientId()) + "' authenticated with "
                + client.clientAuth().configName() + " by the certificate in " + file + subject() + ". Likely causes: "
                + (selfSigned ? "the certificate is not the one registered for this client (in its JWK set's x5c or"
                        + " its registration); " : "the certificate's subject is not the subject DN the server "
                        + "registered for this client, or the server does not trust its issuer (list the issuing CA "
                        + "after the client's certificate in " + messages.key("client-certificate") + "); ")
                + "the client is registered for another method (see " + messages.key("client-auth") + "); the "
                + "server does not ask for client certificates at this endpoint (take the token endpoint of its "
                + "metadata's mtls_endpoint_aliases, or set " + messages.key("issuer") + " to let oauth-agent do so).";
    }

    /** " (subject CN=...)", or nothing when the files do not load now (that failure is reported on its own). */
    private String subject() {
        try {
            ClientCertificate certificate = ClientCertificate.load(client.privateKey().path(),
                    client.privateKey().passwordChars(), client.privateKey().alias(), client.clientCertificate(),
                    Instant.now());
            return " (subject " + sanitizer.sanitize(
                    certificate.chain().get(0).getSubjectX500Principal().getName()) + ")";
        } catch (KeyLoadException e) {
            return "";
        }
    }

    /** The server says no more than invalid_client; these are what makes a well-formed assertion fail. */
    private String assertionRefusedHint() {
        boolean privateKey = client.clientAuth() == ClientAuthMethod.PRIVATE_KEY_JWT;
        String audience = client.assertionAudience() == AssertionAudience.ISSUER && client.issuer() != null
                ? "the issuer " + client.issuer() : "the token endpoint's URL " + messages.endpoint();
        return "The server refused the " + client.clientAuth().configName() + " client assertion for client id '"
                + sanitizer.sanitize(client.clientId()) + "'. Likely causes: "
                + (privateKey ? "the key is not registered for this client (its public key, or the JWK set URL that "
                        + "serves it, on the server); " : "client-secret is not this client's (it comes from "
                        + (client.clientSecret() == null ? "nowhere" : client.clientSecret().origin()) + "); ")
                + "the client is registered for another method or algorithm (" + client.signingAlgorithm() + " was "
                + "used; see " + messages.key("client-auth")
                + (privateKey ? " and " + messages.key("signing-algorithm") : "") + "); the assertion's aud ("
                + audience + ") is not what the server expects (see " + messages.key("client-assertion-audience")
                + "); " + (client.keyId() == null ? "" : "the kid '" + sanitizer.sanitize(client.keyId())
                + "' is unknown to the server (see " + messages.key("key-id") + "); ")
                + "or this host's clock is off by more than the server's allowed skew (the assertion is valid "
                + "60 s from its iat).";
    }

    private String hintForStatus(int status) {
        if (status == 401) {
            return invalidClientHint();
        }
        if (status == 408) {
            return "The server timed out reading the request; oauth-agent will retry.";
        }
        if (status == 429) {
            return "Too many requests; oauth-agent will retry later.";
        }
        if (status >= 500) {
            return "The authorization server is failing or overloaded; oauth-agent will retry.";
        }
        return "The server gave no OAuth error code; oauth-agent will retry.";
    }

    private static String describeBody(TokenHttpResponse response) {
        if (response.body().length == 0) {
            return "";
        }
        return response.looksLikeHtml() ? " with " + ClientMessages.HTML_PAGE : " without an OAuth error response";
    }

    private String serverSaid(TokenResponse parsed) {
        String description = sanitizer.sanitize(parsed.errorDescription());
        String uri = sanitizer.sanitize(parsed.errorUri());
        return (description == null ? "" : " Server said: \"" + description + "\".")
                + (uri == null ? "" : " See " + uri + ".");
    }
}
