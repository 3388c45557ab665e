package dev.oauthagent.agent.token.user;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.cache.TokenCache;
import dev.oauthagent.agent.token.cache.TokenListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a user grant test starts and must stop: the token endpoint and every cache (with its thread); stopped after
 * each test when registered with {@code @RegisterExtension}.
 */
final class UserGrantResources implements AfterEachCallback {
    final RotatingRefreshServer server;
    private final List<TokenCache> caches = new ArrayList<>();

    UserGrantResources() {
        try {
            server = new RotatingRefreshServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A production cache (system ticker, refresh thread of its own), closed with these resources. */
    TokenCache cache(ClientConfig client, UserGrantTokenSource source, TokenListener listener) {
        TokenCache cache = TokenCache.create(client, source, listener);
        caches.add(cache);
        return cache;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (TokenCache cache : caches) {
            cache.close();
        }
        server.close();
    }
}
