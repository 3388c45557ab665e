package dev.oauthagent.agent;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.Instrumenter;
import dev.oauthagent.agent.scrub.LiveSecrets;
import dev.oauthagent.agent.scrub.LogScrubbing;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.auth.SecretListener;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;
import dev.oauthagent.agent.token.user.InteractiveLogin;
import dev.oauthagent.agent.token.user.StandardLoginFlows;
import dev.oauthagent.agent.token.user.UserGrantTokenSource;
import dev.oauthagent.agent.token.user.UserGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a started agent holds: one token cache per configured client, each already fetching its first
 * token in the background so that the application's first request rarely has to wait, and the HTTP client
 * instrumentation that asks them for tokens.
 */
final class AgentRuntime {
    private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

    private final Map<String, TokenCache> caches;

    private AgentRuntime(Map<String, TokenCache> caches) {
        this.caches = Collections.unmodifiableMap(caches);
    }

    /**
     * @param scrubbing log scrubbing as premain started it, null when it is off
     * @throws Exception when the bootstrap classes cannot be defined: then nothing is instrumented
     */
    static AgentRuntime start(AgentConfig config, Instrumenter instrumenter, LogScrubbing scrubbing)
            throws Exception {
        instrumenter.defineBootstrapClasses(); // before anything here touches one
        LiveSecrets secrets = null;
        if (scrubbing != null) {
            scrubbing.connectHooks();
            instrumenter.installLogHooks(); // before the token caches: an application may log at once
            secrets = scrubbing.secrets();
        }
        Map<String, TokenCache> caches = new LinkedHashMap<>();
        for (ClientConfig client : config.clients()) {
            caches.put(client.name(), startCache(client, secrets));
        }
        instrumenter.install(new Injector(config.clients(), caches, Ticker.system()));
        log.info("started with {} client(s): {}", caches.size(), caches.keySet());
        return new AgentRuntime(caches);
    }

    /**
     * A client's cache, fetching its first token. A client acting for a person redeems its refresh token; a device
     * code client without one runs its login (started by its first fetch, on the cache's thread), and the cache
     * asks again as soon as it ends.
     */
    private static TokenCache startCache(ClientConfig client, LiveSecrets secrets) {
        TokenEndpointClient endpoint = new TokenEndpointClient(client,
                secrets == null ? SecretListener.NONE : secrets);
        if (!client.grantType().holdsRefreshTokens()) {
            TokenCache cache = TokenCache.create(client, endpoint, secrets);
            cache.start();
            return cache;
        }
        UserGrantTokenSource source = UserGrants.source(client, endpoint, secrets, startupLogin(client, endpoint));
        TokenCache cache = TokenCache.create(client, source, secrets);
        source.whenLoginEnds(new RequestToken(cache));
        cache.start();
        return cache;
    }

    /**
     * The login the agent runs at start for a device code client without a refresh token: its device flow, with
     * the instructions on stderr as plain lines (never a line rewritten in place, which would garble the
     * application's own output on the same terminal). Null for every other grant: a code flow needs a person at
     * a browser, so its client's first token request says to run login instead.
     */
    static InteractiveLogin startupLogin(ClientConfig client, TokenEndpointClient endpoint) {
        return client.grantType() == GrantType.DEVICE_CODE
                ? StandardLoginFlows.forClient(client, endpoint, System.err, false) : null;
    }

    /** After a login at start: the cache asks for a token at once instead of after its backoff. */
    private static final class RequestToken implements Runnable {
        private final TokenCache cache;

        RequestToken(TokenCache cache) {
            this.cache = cache;
        }

        @Override
        public void run() {
            cache.credentialsChanged();
        }
    }

    /** Null when no client has that name. */
    TokenCache cache(String clientName) {
        return caches.get(clientName);
    }

    Map<String, TokenCache> caches() {
        return caches;
    }
}
