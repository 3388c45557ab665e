package dev.oauthagent.agent.token.code;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AuthServerGet;
import dev.oauthagent.agent.token.ServerTextSanitizer;
import dev.oauthagent.agent.token.TokenFetchException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;

/**
 * The check the code flow makes of its authorization request before a login ({@link AuthorizationPreflight}), on
 * its own, for {@code check}: one GET without credentials or cookies, never followed, so no one logs in and no
 * code is issued. A redirect URI with port 0 gets a port free on the loopback now, as the login's listener would.
 */
public final class AuthorizationRequestCheck {
    private AuthorizationRequestCheck() {
    }

    /**
     * Does nothing for a client without authorization-url: the login says what it misses.
     *
     * @param client an authorization_code client (with its authorization endpoint discovered when it has issuer)
     * @throws AuthorizationRefusedException when the server refused the request, saying what to fix
     * @throws TokenFetchException           when redirect-uri cannot be used at all
     */
    public static void run(ClientConfig client) throws TokenFetchException {
        if (client.authorizationUrl() == null) {
            return;
        }
        CodeFlowMessages messages = new CodeFlowMessages(client);
        LoopbackRedirectUri redirect = LoopbackRedirectUri.parse(client.redirectUri(), messages);
        String redirectUri = redirect.withPort(redirect.port() != 0 ? redirect.port() : freePort(redirect, messages));
        SecureRandom random = new SecureRandom();
        URI request = AuthorizationUrl.build(client.authorizationUrl(), client.clientId(), redirectUri,
                client.scopes(), CallbackState.generate(random).value(), Pkce.generate(random).challenge());
        ServerTextSanitizer sanitizer = ServerTextSanitizer.forClient(client);
        new AuthorizationPreflight(new AuthServerGet(client), sanitizer, messages)
                .check(request, redirectUri, client.clientId());
    }

    private static int freePort(LoopbackRedirectUri redirect, CodeFlowMessages messages) throws TokenFetchException {
        try (ServerSocket socket = new ServerSocket(0, 1, redirect.address())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw messages.terminal("no port is free on " + redirect.address().getHostAddress() + " for "
                    + messages.key("redirect-uri") + " (" + e.getClass().getSimpleName() + ").", e);
        }
    }
}
