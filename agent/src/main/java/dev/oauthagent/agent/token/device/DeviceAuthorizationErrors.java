package dev.oauthagent.agent.token.device;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.JsonObjectReader.Fields;
import dev.oauthagent.agent.token.MalformedTokenResponseException;
import dev.oauthagent.agent.token.ServerTextSanitizer;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.TokenHttpResponse;
import dev.oauthagent.agent.token.grant.DeviceCodeGrant;

import java.util.List;

/**
 * Turns a device authorization answer that is not a usable response into a {@link TokenFetchException} that
 * says what to change. Terminal: what the same request will get again (a wrong URL, credentials, scopes, a
 * client not allowed the device grant). Transient: 408, 429, 5xx, unknown codes, malformed JSON.
 */
final class DeviceAuthorizationErrors {
    private final ClientConfig client;
    private final List<String> scopes;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final DeviceAuthorizationParser parser = new DeviceAuthorizationParser();

    DeviceAuthorizationErrors(ClientConfig client, List<String> scopes, ClientMessages messages,
            ServerTextSanitizer sanitizer) {
        this.client = client;
        this.scopes = scopes;
        this.messages = messages;
        this.sanitizer = sanitizer;
    }

    /** Any status but 200, or a 200 that carries an OAuth error instead of the codes. */
    TokenFetchException refusal(TokenHttpResponse response) {
        int status = response.status();
        if (response.isRedirect()) {
            return terminal(messages.endpoint() + " redirected (HTTP " + status + "); a redirect, often to a login"
                    + " page, means the server does not offer the device flow at this URL. Set " + messages.urlKey()
                    + " to the device_authorization_endpoint of the server's discovery document. oauth-agent does"
                    + " not follow redirects: they would resend the client credentials.", null, status);
        }
        if (status == 404 || status == 405) {
            return terminal(messages.endpoint() + " answered HTTP " + status + html(response) + " ("
                    + (status == 404 ? "no such path" : "it does not take POST") + "): this is not a device"
                    + " authorization endpoint. Set " + messages.urlKey() + " to the device_authorization_endpoint"
                    + " of the server's discovery document.", null, status);
        }
        Fields fields = fieldsOrNull(response);
        String code = fields == null ? null : sanitizer.sanitize(fields.string("error"));
        if (code != null) {
            String text = messages.endpoint() + " answered " + code + " (" + status + "): " + hintFor(code)
                    + serverSaid(fields);
            return new TokenFetchException(messages.exception(text), isTerminal(code) ? Kind.TERMINAL
                    : Kind.TRANSIENT, code, status, -1, null);
        }
        String text = messages.endpoint() + " answered HTTP " + status + html(response) + ": " + hintForStatus(status);
        return new TokenFetchException(messages.exception(text), status == 401 || isOtherClientError(status)
                ? Kind.TERMINAL : Kind.TRANSIENT, null, status, -1, null);
    }

    /** HTTP 200 with a body that is not a device authorization response. */
    TokenFetchException malformed(TokenHttpResponse response, String problem) {
        Fields fields = fieldsOrNull(response);
        if (fields != null && fields.string("error") != null) {
            return refusal(response); // some servers refuse with HTTP 200
        }
        if (response.looksLikeHtml()) {
            return terminal(messages.endpoint() + " returned an HTML page instead of a JSON device authorization"
                    + " response (HTTP 200); " + messages.urlKey() + " may point to a login page or a web console."
                    + " Set it to the device_authorization_endpoint of the server's discovery document.", null, 200);
        }
        return new TokenFetchException(messages.exception(messages.endpoint() + " returned a malformed device"
                + " authorization response (HTTP 200): " + problem + ". Check " + messages.urlKey() + "."),
                Kind.TRANSIENT, null, 200, -1, null);
    }

    private static boolean isTerminal(String code) {
        return code.equals("invalid_client") || code.equals("unauthorized_client") || code.equals("invalid_scope")
                || code.equals("invalid_request");
    }

    private static boolean isOtherClientError(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    private String hintFor(String code) {
        switch (code) {
            case "invalid_client":
                return invalidClientHint();
            case "unauthorized_client":
                return "Client id '" + sanitizer.sanitize(client.clientId()) + "' may not use the device flow;"
                        + " allow the device code grant (" + DeviceCodeGrant.GRANT_TYPE + ") for this client on"
                        + " the authorization server.";
            case "invalid_scope":
                return scopes.isEmpty()
                        ? "No scope was requested and the server wants one: set " + messages.key("scopes") + "."
                        : "The server refused the requested scopes " + sanitizer.sanitize(scopes.toString())
                                + "; check " + messages.key("scopes") + " against the scopes this client may have.";
            case "invalid_request":
                return "The server found the request malformed or missing a parameter; check "
                        + messages.key("client-id") + " and " + messages.key("client-auth") + ".";
            default:
                return "The authorization server refused the request; run the login again later.";
        }
    }

    private String invalidClientHint() {
        return client.clientSecret() == null
                ? "The server does not know client id '" + sanitizer.sanitize(client.clientId()) + "' or wants it to"
                        + " authenticate; check " + messages.key("client-id") + " and " + messages.key("client-auth")
                        + "."
                : "Check client-id and client-secret; the secret comes from " + client.clientSecret().origin()
                        + ". Check " + messages.key("client-auth") + " too.";
    }

    private String hintForStatus(int status) {
        if (status == 401) {
            return invalidClientHint();
        }
        if (status == 408 || status == 429 || status >= 500) {
            return "The authorization server is failing or overloaded; run the login again later.";
        }
        return "The server gave no OAuth error code; check " + messages.urlKey() + ".";
    }

    private Fields fieldsOrNull(TokenHttpResponse response) {
        try {
            return parser.fields(response.body());
        } catch (MalformedTokenResponseException e) {
            return null;
        }
    }

    private static String html(TokenHttpResponse response) {
        return response.looksLikeHtml() ? " with an HTML page" : "";
    }

    private String serverSaid(Fields fields) {
        String description = sanitizer.sanitize(fields.string("error_description"));
        String uri = sanitizer.sanitize(fields.string("error_uri"));
        return (description == null ? "" : " Server said: \"" + description + "\".")
                + (uri == null ? "" : " See " + uri + ".");
    }

    private TokenFetchException terminal(String text, String code, int status) {
        return new TokenFetchException(messages.exception(text), Kind.TERMINAL, code, status, -1, null);
    }
}
