package dev.oauthagent.agent.token.device;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AuthServerExchange;
import dev.oauthagent.agent.token.ClientMessages;
import dev.oauthagent.agent.token.MalformedTokenResponseException;
import dev.oauthagent.agent.token.ServerTextSanitizer;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenFetchException.Kind;
import dev.oauthagent.agent.token.TokenHttpResponse;
import dev.oauthagent.agent.token.TokenRequest;
import dev.oauthagent.agent.token.auth.ClientAuthentication;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The device authorization request (RFC 8628 §3.1): one POST of the client's identity and scopes to the
 * device authorization endpoint, answered with the codes the person and the poller need. One
 * {@link AuthServerExchange}: the same timeouts, size limit, TLS and refusal of redirects as the token request.
 */
final class DeviceAuthorizationEndpoint {
    static final String URL_KEY = "device-authorization-url";

    private final ClientConfig client;
    private final URI url;
    private final List<String> scopes;
    private final ClientAuthentication authentication;
    private final ClientMessages messages;
    private final AuthServerExchange exchange;
    private final DeviceAuthorizationErrors errors;
    private final DeviceAuthorizationParser parser = new DeviceAuthorizationParser();

    DeviceAuthorizationEndpoint(ClientConfig client, URI url, List<String> scopes,
            ClientAuthentication authentication) {
        this.client = client;
        this.url = url;
        this.scopes = Collections.unmodifiableList(new ArrayList<>(scopes));
        this.authentication = authentication;
        this.messages = new ClientMessages(client, url, "device authorization endpoint", URL_KEY);
        ServerTextSanitizer sanitizer = ServerTextSanitizer.forClient(client);
        this.exchange = new AuthServerExchange(client, messages, sanitizer);
        this.errors = new DeviceAuthorizationErrors(client, scopes, messages, sanitizer);
    }

    ClientMessages messages() {
        return messages;
    }

    DeviceAuthorization request() throws TokenFetchException {
        checkScheme();
        TokenRequest request = buildRequest();
        TokenHttpResponse response = exchange.send("POST", url, request.headers(), request.formBody());
        if (response.status() != 200) {
            throw errors.refusal(response);
        }
        try {
            return parser.parse(response.body());
        } catch (MalformedTokenResponseException e) {
            throw errors.malformed(response, e.getMessage());
        }
    }

    private TokenRequest buildRequest() {
        TokenRequest.Builder request = TokenRequest.builder(url);
        if (!scopes.isEmpty()) {
            request.formParameter("scope", String.join(" ", scopes));
        }
        authentication.applyTo(request);
        TokenRequest built = request.build();
        // RFC 8628 §3.1: client_id is required unless the client authenticates by other means (a Basic header).
        // client_secret_post and a public client's authentication already send it; sending it twice is refused
        // by some servers.
        if (built.formValues("client_id").isEmpty() && !built.headers().containsKey("Authorization")) {
            request.formParameter("client_id", client.clientId());
            built = request.build();
        }
        return built;
    }

    private void checkScheme() throws TokenFetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && client.allowHttp())) {
            return;
        }
        String why = scheme.equals("http")
                ? "uses plain http, which would send the device code and client credentials unencrypted; use"
                        + " https, or set " + messages.key("allow-http") + "=true for a test server"
                : "must be an https URL";
        throw new TokenFetchException(messages.exception(messages.urlKey() + " " + why + "."), Kind.TERMINAL,
                null, -1, -1, null);
    }
}
