package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.agent.token.store.TokenStore;
import dev.oauthagent.agent.token.store.TokenStoreException;
import dev.oauthagent.agent.token.user.InteractiveLogin;
import dev.oauthagent.agent.token.user.LoginFlows;
import java.time.Clock;

/**
 * {@code login <client>}: runs the client's device or authorization code flow once, with the person at the
 * terminal, and stores the refresh token it yields in the client's token store, where the agent finds it at
 * start. Instructions and progress go to stderr; stdout gets one line with the outcome. No token is printed,
 * only the refresh token's fingerprint.
 */
final class LoginCommand extends ClientCommand {
    private final LoginFlows flows;
    private final Clock clock;

    LoginCommand(LoginFlows flows, Clock clock) {
        this.flows = flows;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "login";
    }

    @Override
    public String summary() {
        return "login <client> [--config FILE]  log a person in with the client's device or authorization code flow"
                + " and store the refresh token in its token-store";
    }

    @Override
    int run(ClientConfig configured, CliContext context) {
        ClientConfig client;
        try {
            client = withEndpoints(configured);
        } catch (TokenFetchException e) {
            context.err().println(e.getMessage());
            return Cli.EXIT_FAILED;
        }
        InteractiveLogin flow = flows.forClient(client, context.err(), context.terminal());
        if (flow == null) {
            context.err().println("oauth-agent login: client '" + client.name() + "' uses grant-type "
                    + client.grantType().configName() + ", which has no login flow; login runs the flow of"
                    + " grant-type device_code or authorization_code");
            return Cli.EXIT_FAILED;
        }
        if (client.tokenStore() == null) {
            String prefix = "oauth.agent.clients." + client.name() + ".";
            context.err().println("oauth-agent login: client '" + client.name() + "' has no token store to keep the"
                    + " refresh token in; set " + prefix + "token-store=/path/to/" + client.name() + ".tokens and "
                    + prefix + "token-store-key (see docs/configuration.md)");
            return Cli.EXIT_BAD_CONFIG;
        }
        return logIn(client, flow, context);
    }

    private int logIn(ClientConfig client, InteractiveLogin flow, CliContext context) {
        AccessToken token;
        try {
            token = flow.login();
        } catch (TokenFetchException e) {
            context.err().println(e.getMessage());
            return Cli.EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.err().println("oauth-agent login: interrupted; nothing was stored");
            return Cli.EXIT_FAILED;
        }
        if (token.refreshToken() == null) {
            context.err().println("oauth-agent login: client '" + client.name() + "': the login worked, but the server"
                    + " issued no refresh token, so the agent could not renew the access token without another login;"
                    + " allow the refresh_token grant for client id '" + client.clientId() + "' on the authorization"
                    + " server (some servers also need the offline_access scope). Nothing was stored.");
            return Cli.EXIT_FAILED;
        }
        TokenRecord record = TokenRecord.of(client.tokenUrl().toString(), token.refreshToken())
                .withAccessToken(token.value(), clock.instant().plusSeconds(token.lifetimeSeconds()));
        try {
            TokenStore.open(client.name(), client.tokenStore(), TokenStore.DEFAULT_LOCK_WAIT, null).write(record);
        } catch (TokenStoreException e) {
            context.err().println(e.getMessage());
            return Cli.EXIT_FAILED;
        }
        context.out().println("client '" + client.name() + "': logged in; refresh token " + record.refreshTokenFingerprint()
                + " stored in " + client.tokenStore().path());
        return Cli.EXIT_OK;
    }
}
