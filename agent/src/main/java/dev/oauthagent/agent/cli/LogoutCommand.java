package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenRevocation;
import dev.oauthagent.agent.token.TokenRevocation.Outcome;
import dev.oauthagent.agent.token.store.StoreUpdate;
import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.agent.token.store.TokenStore;
import dev.oauthagent.agent.token.store.TokenRefresher;
import dev.oauthagent.agent.token.store.TokenStoreException;

/**
 * {@code logout <client>}: revokes the stored refresh token at the server when it offers revocation (RFC 7009)
 * and deletes the client's token store. Revocation runs under the store's lock, so no other JVM rotates the
 * token in between. The local copy goes whatever the server answers; the exit status says whether the refresh
 * token may still be valid at the server (1) or not (0).
 */
final class LogoutCommand extends ClientCommand {
    @Override
    public String name() {
        return "logout";
    }

    @Override
    public String summary() {
        return "logout <client> [--config FILE]  revoke the client's stored refresh token at the server (when it"
                + " offers revocation) and delete its token store";
    }

    @Override
    int run(ClientConfig client, CliContext context) {
        if (client.tokenStore() == null) {
            context.out().println("client '" + client.name() + "' has no token-store, so nothing is stored to delete;"
                    + " a refresh token held by a running agent ends with that process");
            return Cli.EXIT_OK;
        }
        TokenStore store = TokenStore.open(client.name(), client.tokenStore(), TokenStore.DEFAULT_LOCK_WAIT, null);
        RevokeAndDelete revoke = new RevokeAndDelete(client);
        try {
            store.update(revoke);
        } catch (TokenStoreException e) {
            return deleteUnreadable(store, e, context);
        }
        // The store's format has no record without a refresh token: a file that opened holds one.
        if (!revoke.hadRecord) {
            context.out().println("client '" + client.name() + "': there is no token store at "
                    + client.tokenStore().path() + ", so nothing to delete");
            return Cli.EXIT_OK;
        }
        context.out().println(revoke.result.message());
        context.out().println("client '" + client.name() + "': deleted the token store " + client.tokenStore().path());
        return revoke.result != null && revoke.result.outcome() == Outcome.FAILED ? Cli.EXIT_FAILED : Cli.EXIT_OK;
    }

    /** A store that cannot be opened (other key, damaged) cannot be revoked from, but logout still removes it. */
    private static int deleteUnreadable(TokenStore store, TokenStoreException unreadable, CliContext context) {
        context.err().println(unreadable.getMessage());
        try {
            if (store.delete()) {
                context.err().println("oauth-agent logout: deleted the store without revoking its refresh token,"
                        + " which may still be valid at the server; revoke it there if it must stop working now");
            }
        } catch (TokenStoreException e) {
            context.err().println(e.getMessage());
        }
        return Cli.EXIT_FAILED;
    }

    private static final class RevokeAndDelete implements TokenRefresher<RuntimeException> {
        private final ClientConfig client;
        private boolean hadRecord;
        private TokenRevocation.Result result;

        RevokeAndDelete(ClientConfig client) {
            this.client = client;
        }

        @Override
        public StoreUpdate refresh(TokenRecord current) {
            hadRecord = current != null;
            if (current == null) {
                return StoreUpdate.delete();
            }
            result = revoke(current);
            return StoreUpdate.delete();
        }

        /** A refresh token goes back only to the server that issued it, also to be revoked. */
        private TokenRevocation.Result revoke(TokenRecord current) {
            ClientConfig resolved;
            try {
                resolved = withEndpoints(client);
            } catch (TokenFetchException e) {
                return TokenRevocation.notAsked(e);
            }
            return current.issuedBy(resolved.tokenUrl().toString())
                    ? new TokenRevocation(resolved).revokeRefreshToken(current.refreshToken())
                    : TokenRevocation.notSent(resolved, current.tokenEndpoint());
        }
    }
}
