package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.code.AuthorizationCodeFlow;
import dev.oauthagent.agent.token.device.DeviceFlow;

import java.io.PrintStream;

/** The agent's login flows: the device flow (RFC 8628) and the authorization code flow with PKCE (RFC 7636). */
public final class StandardLoginFlows implements LoginFlows {

    @Override
    public InteractiveLogin forClient(ClientConfig client, PrintStream instructions, boolean terminal) {
        return forClient(client, new TokenEndpointClient(client), instructions, terminal);
    }

    /**
     * @param tokens the client's token endpoint client, which redeems what the flow ends with
     * @return the flow, or null when the client's grant has none (client credentials, refresh token only)
     */
    public static InteractiveLogin forClient(ClientConfig client, TokenEndpointClient tokens,
            PrintStream instructions, boolean terminal) {
        switch (client.grantType()) {
            case DEVICE_CODE:
                return DeviceFlow.create(client, client.deviceAuthorizationUrl(), tokens.authentication(),
                        tokens, instructions, terminal);
            case AUTHORIZATION_CODE:
                return AuthorizationCodeFlow.builder(client, client.authorizationUrl(), client.redirectUri(), tokens)
                        .out(instructions).build();
            default:
                return null;
        }
    }
}
