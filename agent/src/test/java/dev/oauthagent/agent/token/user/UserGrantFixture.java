package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.store.StoredTokenListener;
import dev.oauthagent.agent.token.store.TokenRecord;
import dev.oauthagent.agent.token.store.TokenStore;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Clients, stores and sources of the user grant tests, against a {@link RotatingRefreshServer}. */
final class UserGrantFixture {
    final RotatingRefreshServer server;
    final ClientConfig client;
    final Recorder scrubbed = new Recorder();

    private UserGrantFixture(RotatingRefreshServer server, ClientConfig client) {
        this.server = server;
        this.client = client;
    }

    /** A device code client without a token store. */
    static UserGrantFixture inMemory(RotatingRefreshServer server) {
        return new UserGrantFixture(server, builder(server).build());
    }

    /** A device code client with a token store at {@code file}, under a random key. */
    static UserGrantFixture stored(RotatingRefreshServer server, Path file, boolean keepAccessToken) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        TokenStoreConfig store = new TokenStoreConfig(file, TokenStoreKey.ofRawKey(key, "env var STORE_KEY"), null,
                keepAccessToken);
        return new UserGrantFixture(server, builder(server).tokenStore(store).build());
    }

    private static ClientConfig.Builder builder(RotatingRefreshServer server) {
        return TestClients.billing(server.tokenUrl()).grantType(GrantType.DEVICE_CODE);
    }

    /** A store on the client's file, opened as another JVM would: its own channels, its own key derivation. */
    TokenStore openStore() {
        return TokenStore.open(client.name(), client.tokenStore(), Duration.ofSeconds(30), scrubbed);
    }

    /** The properties file the agent of these sources was started with, which their login advice names. */
    static final String CONFIG_FILE = "/etc/oauth agent/agent.properties";

    /** A source as the agent builds it, with its own store instance, read now (as its first fetch would). */
    UserGrantTokenSource source() {
        return source(null);
    }

    /** The same, with a login to run at the first fetch when no refresh token is held. */
    UserGrantTokenSource source(InteractiveLogin startupLogin) {
        UserGrantTokenSource source = new UserGrantTokenSource(client, new TokenEndpointClient(client),
                client.tokenStore() == null ? null : openStore(), scrubbed, Clock.systemUTC(), startupLogin);
        source.adviseWithConfigFile(CONFIG_FILE);
        source.loadStored();
        return source;
    }

    /** Stores a refresh token as {@code login} would. */
    String loggedIn() throws Exception {
        String refreshToken = server.login();
        openStore().write(TokenRecord.of(client.tokenUrl().toString(), refreshToken));
        return refreshToken;
    }

    /** A login's result: an access token carrying a refresh token the server accepts. */
    AccessToken loginResult() {
        return new AccessToken(RotatingRefreshServer.random("at-login-"), "Bearer", 3600, true, null, server.login(),
                null);
    }

    /** The refresh tokens the scrubber was told of. */
    static final class Recorder implements StoredTokenListener {
        final List<String> refreshTokens = new CopyOnWriteArrayList<>();

        @Override
        public void storedTokens(String clientName, TokenRecord record) {
            refreshTokens.add(record.refreshToken());
        }
    }
}
