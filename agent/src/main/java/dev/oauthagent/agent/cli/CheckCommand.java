package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenFetchException;
import java.util.List;

/**
 * Validates the configuration and fetches one token per client, printing what a user needs to know that
 * the set-up works: never the token itself, only its fingerprint.
 */
final class CheckCommand implements Command {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "check  [--config FILE]  validate the configuration and fetch a token for each client";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        LoadedConfig loaded = ConfigOption.load(args, context);
        boolean problems = ConfigOption.report(loaded, context);
        AgentConfig config = loaded.config();
        int total = config.clients().size() + loaded.inactiveClients().size();
        if (total == 0) {
            context.err().println("oauth-agent: no clients are configured, so there is nothing to check. "
                    + "Set oauth.agent.clients.<name>.token-url, client-id, client-secret and hosts "
                    + "(see docs/configuration.md).");
            return problems ? Cli.EXIT_BAD_CONFIG : Cli.EXIT_FAILED;
        }
        // As the agent would run: a client that a problem stops is not asked for a token, and fails the check.
        int failed = loaded.inactiveClients().size();
        for (String name : loaded.inactiveClients()) {
            context.out().println("client '" + name + "': NOT ACTIVE  a configuration problem (printed on stderr) "
                    + "keeps it from running");
        }
        for (ClientConfig client : config.clients()) {
            if (!check(client, context)) {
                failed++;
            }
        }
        context.out().println(failed == 0 ? "all " + total + " client(s) OK"
                : failed + " of " + total + " client(s) FAILED");
        return problems ? Cli.EXIT_BAD_CONFIG : failed == 0 ? Cli.EXIT_OK : Cli.EXIT_FAILED;
    }

    private static boolean check(ClientConfig client, CliContext context) {
        try {
            AccessToken token = new TokenEndpointClient(client).fetch();
            context.out().println("client '" + client.name() + "': OK  token_type=" + token.tokenType()
                    + "  lifetime=" + token.lifetimeSeconds() + "s  scopes=" + scopes(token, client)
                    + "  fingerprint=" + token.fingerprint());
            return true;
        } catch (TokenFetchException e) {
            context.out().println("client '" + client.name() + "': FAILED  " + e.getMessage());
            return false;
        }
    }

    private static String scopes(AccessToken token, ClientConfig client) {
        if (token.grantedScopes() != null) {
            return token.grantedScopes().isEmpty() ? "(none)" : String.join(" ", token.grantedScopes());
        }
        // RFC 6749 §5.1: no scope in the response means the requested scope was granted.
        return client.scopes().isEmpty() ? "(server default)" : String.join(" ", client.scopes()) + " (as requested)";
    }
}
