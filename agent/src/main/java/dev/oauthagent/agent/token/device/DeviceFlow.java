package dev.oauthagent.agent.token.device;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.auth.ClientAuthentication;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.user.InteractiveLogin;

import java.io.PrintStream;
import java.net.URI;

/**
 * The Device Authorization Grant (RFC 8628) for one client: asks the device authorization endpoint for a user
 * code, tells the person where to enter it, and polls the token endpoint until they have. Needs no browser on
 * this machine: the person may use any device.
 *
 * <p>What is printed goes to the given stream (stderr for the agent and the {@code login} command): the
 * instructions, then the progress. Never a token or the device code.
 */
public final class DeviceFlow implements InteractiveLogin {
    private final DeviceAuthorizationEndpoint endpoint;
    private final DevicePoller poller;
    private final DeviceInstructions instructions;
    private final PrintStream out;
    private final Ticker ticker;

    /**
     * @param client                 the client's configuration: id, scopes, timeouts, TLS, allow-http
     * @param deviceAuthorizationUrl its device authorization endpoint ({@code device-authorization-url})
     * @param authentication         how the client authenticates the device authorization request; the same as
     *                               its token requests
     * @param tokens                 the client's token endpoint client, which the poller sends its requests with
     * @param out                    where the person reads the instructions: {@code System.err}
     * @param terminal               whether {@code out} is an interactive terminal ({@code System.console() != null}):
     *                               then the progress is one line updated in place
     */
    public static DeviceFlow create(ClientConfig client, URI deviceAuthorizationUrl,
            ClientAuthentication authentication, TokenEndpointClient tokens, PrintStream out, boolean terminal) {
        return new DeviceFlow(client, deviceAuthorizationUrl, authentication, tokens, out, terminal, Ticker.system(),
                Sleeper.SYSTEM);
    }

    DeviceFlow(ClientConfig client, URI deviceAuthorizationUrl, ClientAuthentication authentication,
            TokenEndpointClient tokens, PrintStream out, boolean terminal, Ticker ticker, Sleeper sleeper) {
        this.endpoint = new DeviceAuthorizationEndpoint(client, deviceAuthorizationUrl, client.scopes(),
                authentication);
        this.poller = new DevicePoller(tokens, endpoint.messages(), ticker, sleeper, PollProgress.on(out, terminal));
        this.instructions = new DeviceInstructions(client.name());
        this.out = out;
        this.ticker = ticker;
    }

    @Override
    public AccessToken login() throws TokenFetchException, InterruptedException {
        DeviceAuthorization authorization = endpoint.request();
        long start = ticker.read();
        instructions.print(out, authorization);
        return poller.poll(authorization, start);
    }
}
