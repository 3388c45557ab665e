package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.route.RouteTable;
import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.Sentences;
import dev.oauthagent.agent.token.cache.Ticker;
import dev.oauthagent.agent.token.cache.TokenCache;
import dev.oauthagent.agent.token.cache.TokenUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, per hop, which {@code Authorization} value a request carries. Every HTTP client instrumentation
 * funnels into {@link #authorizationFor}; the rules live here once, in plain testable Java:
 *
 * <ul>
 *   <li>a hop whose scheme, host, port and path match a client carries that client's current token;</li>
 *   <li>a hop that matches no client carries none of the agent's tokens: a token left on the request by an
 *       earlier hop (a redirect) is taken off, whatever the JDK would have done;</li>
 *   <li>a value the application (or the JDK's Authenticator) set is left alone, unless the matching client
 *       has override-existing;</li>
 *   <li>no token within wait-timeout: fail-closed throws (the request is not sent), fail-open sends the hop
 *       without the agent's header; either way one log line a minute per client.</li>
 * </ul>
 *
 * Never throws anything but the fail-closed {@link IOException}: an internal failure leaves the request as
 * it was, minus any token of ours bound for the wrong place.
 */
public final class Injector {
    private static final Logger log = LoggerFactory.getLogger(Injector.class);
    private static final String PREFIX = "oauth-agent: ";

    private final RouteTable routes;
    private final Map<String, InjectionTarget> targets;
    /** An array, not a list: looping over it on every request allocates no iterator. */
    private final InjectionTarget[] targetList;
    private final RateLimitedLog internalErrorLog;

    public Injector(List<ClientConfig> clients, Map<String, TokenCache> caches, Ticker ticker) {
        this.routes = RouteTable.from(clients);
        Map<String, InjectionTarget> byName = new HashMap<>();
        for (ClientConfig client : clients) {
            TokenCache cache = caches.get(client.name());
            if (cache == null) {
                throw new IllegalArgumentException("no token cache for client '" + client.name() + "'");
            }
            byName.put(client.name(), new InjectionTarget(client, cache, ticker));
        }
        this.targets = byName;
        this.targetList = byName.values().toArray(new InjectionTarget[0]);
        this.internalErrorLog = new RateLimitedLog(ticker, 1, java.util.concurrent.TimeUnit.MINUTES);
    }

    public String authorizationFor(URL url, String existing) throws IOException {
        return decide(url, null, existing);
    }

    public String authorizationFor(URI uri, String existing) throws IOException {
        return decide(null, uri, existing);
    }

    /**
     * A 401 answered a request that carried {@code sentAuthorization}. Drops the token if it is one of ours
     * and the challenge says {@code invalid_token} (at most once per client every few seconds). Returns
     * whether that token is no longer served (dropped now, or by an earlier report), i.e. whether a resend
     * would carry a different token.
     */
    public boolean rejected(String sentAuthorization, String wwwAuthenticate) {
        try {
            for (InjectionTarget target : targetList) {
                AccessToken token = target.recent.find(sentAuthorization);
                if (token == null) {
                    continue;
                }
                if (!BearerChallenge.saysInvalidToken(wwwAuthenticate)) {
                    return false;
                }
                if (target.cache.current() != token) {
                    // Another request already reported it: the token is gone and a new one is fetched, so this
                    // request may be resent as well (it will wait for the new token, or fail per fail-mode).
                    return true;
                }
                if (!target.invalidations.tryPass()) {
                    log.debug("client '{}': token {} rejected again within {} s; not refetching yet",
                            target.clientName, token.fingerprint(), InvalidationGate.MIN_GAP_SECONDS);
                    return false;
                }
                boolean dropped = target.cache.invalidate(token);
                if (dropped) {
                    log.warn("client '{}': the resource server rejected token {} (invalid_token); fetching a new one",
                            target.clientName, token.fingerprint());
                }
                return dropped;
            }
            return false;
        } catch (RuntimeException e) {
            afterInternalError(e, null);
            return false;
        }
    }

    /** Whether {@code authorization} is a token this agent put on a request. */
    public boolean isAgentValue(String authorization) {
        if (authorization == null) {
            return false;
        }
        for (InjectionTarget target : targetList) {
            if (target.recent.find(authorization) != null) {
                return true;
            }
        }
        return false;
    }

    /** Exactly one of {@code url} and {@code uri} is set. */
    private String decide(URL url, URI uri, String existing) throws IOException {
        try {
            String clientName = url != null ? routes.match(url) : routes.match(uri);
            boolean ours = isAgentValue(existing);
            InjectionTarget target = clientName == null ? null : targets.get(clientName);
            if (existing != null && !ours && (target == null || !target.overrideExisting)) {
                return existing;
            }
            if (target == null) {
                return ours ? null : existing;
            }
            AccessToken token = target.cache.current();
            if (token == null) {
                token = awaitToken(target);
                if (token == null) {
                    return ours ? null : existing; // fail-open: our stale header off, the app's stays
                }
            }
            target.recent.record(token);
            return token.authorizationHeader();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            return afterInternalError(e, existing);
        }
    }

    /** Null in fail-open mode when no token came in time; throws in fail-closed mode. */
    private AccessToken awaitToken(InjectionTarget target) throws IOException {
        try {
            return target.cache.await(target.waitNanos);
        } catch (TokenUnavailableException e) {
            long suppressed = target.unavailableLog.admit();
            if (target.failClosed) {
                if (suppressed >= 0) {
                    log.warn("{}; failing the request (fail-mode=closed){}.", unavailable(e), sinceLast(suppressed));
                }
                throw new IOException(PREFIX + e.getMessage());
            }
            if (suppressed >= 0) {
                log.warn("{}; sending the request without a token (fail-mode=open){}.", unavailable(e),
                        sinceLast(suppressed));
            }
            return null;
        }
    }

    /**
     * The start of the log line: a token request failure was logged by the token cache when it happened, so
     * the line points there instead of repeating it (the application's exception carries it in full).
     */
    private static String unavailable(TokenUnavailableException e) {
        return e.reasonLogged()
                ? "no token for client '" + e.clientName() + "' (its last token request failed, as logged above)"
                : "no token for client '" + e.clientName() + "': " + Sentences.clause(e.reason());
    }

    private static String sinceLast(long suppressed) {
        return suppressed == 0 ? "" : " (" + suppressed + " more since the last message)";
    }

    private String afterInternalError(RuntimeException e, String existing) {
        if (internalErrorLog.admit() >= 0) {
            // The exception's class and stack only: messages of our own code never hold tokens, but a bug
            // might put a header value into one, so the message is not printed.
            log.error("internal error deciding a request's Authorization header ({}); the request is sent as it was."
                    + " Please report this as a bug.", e.getClass().getName());
        }
        boolean ours;
        try {
            ours = isAgentValue(existing);
        } catch (RuntimeException again) {
            ours = existing != null; // cannot tell: never let a possibly-ours token go on
        }
        return ours ? null : existing;
    }
}
