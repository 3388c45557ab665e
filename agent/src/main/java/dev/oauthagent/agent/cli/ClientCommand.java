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
        return named.client() == null ? named.exitStatus() : run(named.client(), context);
    }

    /** @return the process exit status */
    abstract int run(ClientConfig client, CliContext context);

    /**
     * The client with its endpoints: for one configured with issuer, those its metadata document names (read now);
     * any other client as it is.
     */
    static ClientConfig withEndpoints(ClientConfig client) throws TokenFetchException {
        return client.issuer() == null ? client : new IssuerDiscovery(client).resolve();
    }
}
