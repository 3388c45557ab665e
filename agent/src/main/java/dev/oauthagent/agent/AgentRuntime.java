package dev.oauthagent.agent;

import dev.oauthagent.agent.config.AgentConfig;
import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.config.LoadedConfig;
import dev.oauthagent.agent.config.PropertiesFileValues;
import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.Instrumenter;
import dev.oauthagent.agent.metrics.AgentMetrics;
import dev.oauthagent.agent.metrics.ClientMetrics;
import dev.oauthagent.agent.metrics.CountingTokenSource;
import dev.oauthagent.agent.metrics.FailureAlerts;
import dev.oauthagent.agent.metrics.RedactionCount;
import dev.oauthagent.agent.reload.PropertiesFileWatch;
import dev.oauthagent.agent.reload.RunningClients;
import dev.oauthagent.agent.reload.SecretFileWatch;
import dev.oauthagent.agent.reload.StartOnlyFileWatch;
import dev.oauthagent.agent.reload.StartOnlySecrets;
import dev.oauthagent.agent.reload.SwappableTokenSource;
import dev.oauthagent.agent.scrub.LiveSecrets;
import dev.oauthagent.agent.scrub.LogScrubbing;
import dev.oauthagent.agent.token.DiscoveringTokenSource;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.TokenSource;
import dev.oauthagent.agent.token.auth.SecretListener;
import dev.oauthagent.agent.token.cache.DaemonScheduler;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;
import dev.oauthagent.agent.token.user.InteractiveLogin;
import dev.oauthagent.agent.token.user.StandardLoginFlows;
import dev.oauthagent.agent.token.user.UserGrantTokenSource;
import dev.oauthagent.agent.token.user.UserGrants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * What a started agent holds: one token cache per configured client, each already fetching its first
 * token in the background so that the application's first request rarely has to wait, and the HTTP client
 * instrumentation that asks them for tokens.
 */
final class AgentRuntime {
    private static final Logger log = LoggerFactory.getLogger(AgentRuntime.class);

    /** How often the properties file is looked at for changes. */
    static final long WATCH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Map<String, TokenCache> caches;
    /** The clients acting for themselves, whose token source a changed properties file can replace. */
    private final Map<String, SwappableTokenSource> sources;
    private final SecretListener secrets;

    private AgentRuntime(Map<String, TokenCache> caches, Map<String, SwappableTokenSource> sources,
            SecretListener secrets) {
        this.caches = Collections.unmodifiableMap(caches);
        this.sources = sources;
        this.secrets = secrets;
    }

    /**
     * @param scrubbing log scrubbing as premain started it, null when it is off
     * @param configFile the properties file the configuration was read from, null when there is none
     * @throws Exception when the bootstrap classes cannot be defined: then nothing is instrumented
     */
    static AgentRuntime start(AgentConfig config, Instrumenter instrumenter, LogScrubbing scrubbing,
            String configFile) throws Exception {
        instrumenter.defineBootstrapClasses(); // before anything here touches one
        LiveSecrets secrets = null;
        if (scrubbing != null) {
            scrubbing.connectHooks();
            instrumenter.installLogHooks(); // before the token caches: an application may log at once
            secrets = scrubbing.secrets();
        }
        SecretListener listener = secrets == null ? SecretListener.NONE : secrets;
        Map<String, TokenCache> caches = new LinkedHashMap<>();
        Map<String, ClientMetrics> metrics = new LinkedHashMap<>();
        Map<String, SwappableTokenSource> sources = new HashMap<>();
        for (ClientConfig client : config.clients()) {
            ClientMetrics counters = new ClientMetrics();
            metrics.put(client.name(), counters);
            caches.put(client.name(), startCache(client, listener, counters, sources, configFile));
        }
        instrumenter.install(new Injector(config.clients(), caches, metrics, Ticker.system()));
        log.info("started with {} client(s): {}", caches.size(), caches.keySet());
        AgentMetrics.expose(caches, metrics, scrubbing == null ? RedactionCount.NONE : new Redactions(scrubbing),
                config.metricsLogInterval());
        return new AgentRuntime(caches, sources, listener);
    }

    /**
     * Every {@link #WATCH_INTERVAL_NANOS}, on a thread of its own: looks at the properties file {@code loaded} was
     * read from and applies what can be applied live ({@link PropertiesFileWatch}), at each client secret's and
     * private key's file ({@link SecretFileWatch}), and at the files of secrets read only at start, to say that a
     * change needs a restart ({@link StartOnlyFileWatch}). No thread when there is none.
     */
    void watchFiles(LoadedConfig loaded, String agentArgs) {
        List<Runnable> watches = new ArrayList<>();
        String path = PropertiesFileValues.pathOf(loaded);
        if (path != null) {
            watches.add(new PropertiesFileWatch(Paths.get(path), loaded, new Reload(agentArgs),
                    new RunningClients(caches, sources, secrets)));
        }
        for (ClientConfig client : loaded.config().clients()) {
            RequestToken requestToken = new RequestToken(caches.get(client.name()));
            if (client.clientSecret() != null && client.clientSecret().file() != null) {
                watches.add(new SecretFileWatch(client.clientSecret().file(), requestToken));
            }
            if (client.privateKey() != null) {
                watches.add(new SecretFileWatch(client.privateKey().path(), requestToken));
            }
            if (client.clientCertificate() != null) {
                // A renewed certificate gets a token bound to it at once (RFC 8705 §3), not at the next refresh.
                watches.add(new SecretFileWatch(client.clientCertificate(), requestToken));
            }
            watches.addAll(StartOnlySecrets.watches(client));
        }
        if (!watches.isEmpty()) {
            new Repeat(watches, new DaemonScheduler("oauth-agent-file-watch")).next();
        }
    }

    /** Loads the configuration again as at start. */
    private static final class Reload implements Callable<LoadedConfig> {
        private final String agentArgs;

        Reload(String agentArgs) {
            this.agentArgs = agentArgs;
        }

        @Override
        public LoadedConfig call() {
            return ConfigLoader.loadFromJvm(agentArgs);
        }
    }

    /** Runs the watches, then plans their next run; the scheduler's daemon thread never keeps the JVM alive. */
    private static final class Repeat implements Runnable {
        private final List<Runnable> watches;
        private final DaemonScheduler scheduler;

        Repeat(List<Runnable> watches, DaemonScheduler scheduler) {
            this.watches = watches;
            this.scheduler = scheduler;
        }

        void next() {
            scheduler.schedule(this, WATCH_INTERVAL_NANOS);
        }

        @Override
        public void run() {
            try {
                for (Runnable watch : watches) {
                    watch.run();
                }
            } catch (RuntimeException e) {
                log.warn("a look at the configuration files failed ({}); looking again in {} s", e.getClass().getName(),
                        TimeUnit.NANOSECONDS.toSeconds(WATCH_INTERVAL_NANOS));
            } finally {
                next();
            }
        }
    }

    /**
     * A client's cache, fetching its first token. A client acting for a person redeems its refresh token; a device
     * code client without one runs its login (started by its first fetch, on the cache's thread), and the cache
     * asks again as soon as it ends. A client with issuer discovers its endpoints on that thread too, first.
     */
    private static TokenCache startCache(ClientConfig client, SecretListener secrets, ClientMetrics metrics,
            Map<String, SwappableTokenSource> swappable, String configFile) {
        ClientSources sources = new ClientSources(secrets, configFile);
        TokenSource source;
        if (client.issuer() != null) {
            source = new DiscoveringTokenSource(client, sources);
        } else if (!client.grantType().holdsRefreshTokens()) {
            SwappableTokenSource live = new SwappableTokenSource(new TokenEndpointClient(client, secrets));
            swappable.put(client.name(), live); // the properties file's live keys swap its endpoint client
            source = live;
        } else {
            source = sources.forClient(client);
        }
        TokenCache cache = TokenCache.create(client, counted(client, source, metrics), listener(secrets));
        sources.cache = cache;
        cache.start();
        return cache;
    }

    /** Every token request of the client counted, and its failures watched for bursts and refused credentials. */
    private static TokenSource counted(ClientConfig client, TokenSource source, ClientMetrics metrics) {
        return new CountingTokenSource(source, metrics, FailureAlerts.standard(client.name()));
    }

    /** The scrubbing's secrets, or null when scrubbing is off. */
    private static LiveSecrets listener(SecretListener secrets) {
        return secrets instanceof LiveSecrets ? (LiveSecrets) secrets : null;
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

    /**
     * Builds a client's token source once its endpoints are known: at start for a client with token-url, on the
     * cache's thread after discovery for one with issuer.
     */
    private static final class ClientSources implements DiscoveringTokenSource.Sources {
        private final SecretListener secrets;
        private final String configFile;
        /** Set before the cache starts, so before a login it starts can end. */
        private volatile TokenCache cache;

        ClientSources(SecretListener secrets, String configFile) {
            this.secrets = secrets;
            this.configFile = configFile;
        }

        @Override
        public TokenSource forClient(ClientConfig client) {
            TokenEndpointClient endpoint = new TokenEndpointClient(client, secrets);
            if (!client.grantType().holdsRefreshTokens()) {
                return endpoint;
            }
            UserGrantTokenSource source = UserGrants.source(client, endpoint, listener(secrets),
                    startupLogin(client, endpoint), configFile);
            source.whenLoginEnds(new RequestToken(this));
            return source;
        }
    }

    /** After a login at start, or a secret's file changed: the cache asks for a token at once, not after its backoff. */
    private static final class RequestToken implements Runnable {
        /** Null when the cache is known at once; else its cache is set before it starts. */
        private final ClientSources sources;
        private final TokenCache cache;

        RequestToken(ClientSources sources) {
            this.sources = sources;
            this.cache = null;
        }

        RequestToken(TokenCache cache) {
            this.sources = null;
            this.cache = cache;
        }

        @Override
        public void run() {
            (cache != null ? cache : sources.cache).credentialsChanged();
        }
    }

    /** The scrubber's count, read when the metrics are. */
    private static final class Redactions implements RedactionCount {
        private final LogScrubbing scrubbing;

        Redactions(LogScrubbing scrubbing) {
            this.scrubbing = scrubbing;
        }

        @Override
        public long count() {
            return scrubbing.redactions();
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
