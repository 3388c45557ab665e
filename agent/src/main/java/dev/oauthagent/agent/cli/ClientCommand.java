package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.IssuerDiscovery;
import dev.oauthagent.agent.token.TokenFetchException;
import java.util.List;

/** A command that acts on one configured client: {@code <command> <client> [--config FILE]}. */
abstract class ClientCommand implements Command {

    @Override
    public final int run(List<String> args, CliContext context) {
        NamedClient named = NamedClient.select(name(), args, context);
        if (named.client() == null) {
            return named.exitStatus();
        }
        ClientConfig client = named.client();
        if (client.issuer() != null) {
            try {
                client = new IssuerDiscovery(client).resolve();
            } catch (TokenFetchException e) {
                context.err().println(e.getMessage());
                return Cli.EXIT_FAILED;
            }
        }
        return run(client, context);
    }

    /**
     * @param client the client, with the endpoints its issuer's metadata document names when it has issuer
     * @return the process exit status
     */
    abstract int run(ClientConfig client, CliContext context);
}
