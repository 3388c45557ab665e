package dev.oauthagent.agent.inject;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.metrics.ClientMetrics;
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
 *       earlier hop (a redirect) is taken off, whatever the JDK would have done, however many tokens came
 *       since ({@link SentTokens});</li>
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
    /** How every value the agent sets begins (AccessToken#authorizationHeader). */
    private static final String BEARER = "Bearer ";

    private final RouteTable routes;
    private final Map<String, InjectionTarget> targets;
    /** An array, not a list: looping over it on every request allocates no iterator. */
    private final InjectionTarget[] targetList;
    private final RateLimitedLog internalErrorLog;
    private final Ticker ticker;
    /** Null unless debug logging is on: then the request path pays one null check for it. */
    private final UnmatchedOrigins unmatchedOrigins;

    public Injector(List<ClientConfig> clients, Map<String, TokenCache> caches, Ticker ticker) {
        this(clients, caches, java.util.Collections.<String, ClientMetrics>emptyMap(), ticker);
    }

    /** @param metrics each client's counters; a client missing from it is counted where nobody reads */
    public Injector(List<ClientConfig> clients, Map<String, TokenCache> caches, Map<String, ClientMetrics> metrics,
            Ticker ticker) {
        this.routes = RouteTable.from(clients);
        Map<String, InjectionTarget> byName = new HashMap<>();
        for (ClientConfig client : clients) {
            TokenCache cache = caches.get(client.name());
            if (cache == null) {
                throw new IllegalArgumentException("no token cache for client '" + client.name() + "'");
            }
            ClientMetrics counters = metrics.get(client.name());
            byName.put(client.name(), new InjectionTarget(client, cache,
                    counters != null ? counters : new ClientMetrics(), ticker));
        }
        this.targets = byName;
        this.targetList = byName.values().toArray(new InjectionTarget[0]);
        this.internalErrorLog = new RateLimitedLog(ticker, 1, java.util.concurrent.TimeUnit.MINUTES);
        this.ticker = ticker;
        this.unmatchedOrigins = log.isDebugEnabled() ? new UnmatchedOrigins(routes) : null;
    }

    public String authorizationFor(URL url, String existing) throws IOException {
        return decide(url, null, existing);
    }

    public String authorizationFor(URI uri, String existing) throws IOException {
        return decide(null, uri, existing);
    }

    /**
     * The client one of whose hosts is {@code host}:{@code port}, whatever the scheme and path, or null: for
     * connections seen being opened by code the agent does not instrument. Decides no header.
     */
    public String clientForEndpoint(String host, int port) {
        return routes.clientForEndpoint(host, port);
    }

    /**
     * A 401 answered a request that carried {@code sentAuthorization}. Drops the token if it is one of ours
     * and the challenge says {@code invalid_token} (at most once per client every few seconds). Returns
     * whether that token is no longer served (dropped now, or by an earlier report), i.e. whether a resend
     * would carry a different token.
     */
    public boolean rejected(String sentAuthorization, String wwwAuthenticate) {
        if (sentAuthorization == null) {
            return false;
        }
        try {
            long hash = SentTokens.hash(sentAuthorization);
            for (InjectionTarget target : targetList) {
                if (!target.sent.isLast(sentAuthorization) && !target.sent.containsHash(hash)) {
                    continue; // every token of ours that went on a request is in there, the current one too
                }
                AccessToken current = target.cache.current();
                boolean isCurrent = current != null && sentAuthorization.equals(current.authorizationHeader());
                if (!BearerChallenge.saysInvalidToken(wwwAuthenticate)) {
                    return false;
                }
                if (!isCurrent) {
                    // Another request already reported it (or it was refreshed): the token is no longer served, so
                    // this request may be resent as well (it will wait for the new token, or fail per fail-mode).
                    return true;
                }
                if (!target.invalidations.tryPass()) {
                    log.debug("client '{}': token {} rejected again within {} s; not refetching yet",
                            target.clientName, current.fingerprint(), InvalidationGate.MIN_GAP_SECONDS);
                    return false;
                }
                boolean dropped = target.cache.invalidate(current);
                if (dropped) {
                    log.warn("client '{}': the resource server rejected token {} (invalid_token); fetching a new one",
                            target.clientName, current.fingerprint());
                }
                return dropped;
            }
            return false;
        } catch (RuntimeException e) {
            afterInternalError(e, null);
            return false;
        }
    }

    /**
     * {@link #rejected(String, String)} for each {@code WWW-Authenticate} value of one 401, in order: true as soon
     * as one of them says the token is no longer served.
     */
    public boolean rejectedByAny(String sentAuthorization, Iterable<String> wwwAuthenticate) {
        for (String challenge : wwwAuthenticate) {
            if (rejected(sentAuthorization, challenge)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code authorization} is a token this agent put on a request and that may still be valid. No lock,
     * no allocation: see {@link SentTokens}.
     */
    public boolean isAgentValue(String authorization) {
        return authorization != null && ownerOf(authorization) != null;
    }

    /** The client that put {@code authorization} on a request, or null when it is no token of ours. */
    private InjectionTarget ownerOf(String authorization) {
        for (InjectionTarget target : targetList) {
            if (target.sent.isLast(authorization)) {
                return target;
            }
        }
        long hash = SentTokens.hash(authorization);
        for (InjectionTarget target : targetList) {
            if (target.sent.containsHash(hash)) {
                return target;
            }
        }
        return null;
    }

    /**
     * A hop was given {@code decided}, a token of ours for its destination, before its library ran the application's
     * request interceptors (Apache HttpClient 5's async client runs them after the point where the agent decides),
     * and they put {@code added} on it (null: nothing). The hop then carries the application's value, as one it set
     * itself, unless the token's client has override-existing; a token of ours they put there gives way to the one
     * decided. Never throws; decides nothing about the destination, which {@code decided} was decided for.
     */
    public String afterInterceptors(String decided, String added) {
        if (added == null || decided == null) {
            return added == null ? decided : added;
        }
        try {
            InjectionTarget owner = ownerOf(decided);
            if (owner == null) {
                return isAgentValue(added) ? null : added;
            }
            boolean ours = isAgentValue(added) || mayBeForgottenToken(added, owner);
            return ours || owner.overrideExisting ? decided : added;
        } catch (RuntimeException e) {
            return afterInternalError(e, added);
        }
    }

    /**
     * Whether an unrecognised {@code value} could be a token of another client than {@code target} that its
     * memory had to forget (see {@link SentTokens#mayHaveForgotten}): then it must not go to this hop as the
     * application's own. Only Bearer values qualify; nearly always no client has forgotten any.
     */
    private boolean mayBeForgottenToken(String value, InjectionTarget target) {
        if (!value.startsWith(BEARER)) {
            return false;
        }
        long now = ticker.read();
        for (InjectionTarget other : targetList) {
            if (other != target && other.sent.mayHaveForgotten(now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a client that holds a hop's destination in parts (Apache HttpClient: its route's target host and the
     * request's path): decided without building a URL or URI.
     *
     * @param port the port, or -1 for the scheme's default
     * @param rawPath the request's path as sent (a query is ignored); null or empty means {@code /}
     */
    public String authorizationFor(String scheme, String host, int port, String rawPath, String existing)
            throws IOException {
        return authorizationFor(scheme, host, port, rawPath == null ? "" : rawPath, 0, existing);
    }

    /**
     * As {@link #authorizationFor(String, String, int, String, String)}, with the path read from {@code text} at
     * {@code pathStart} on: for a client that keeps a hop's URL (OkHttp) or request target as one text, so that
     * deciding allocates nothing.
     *
     * @param pathStart where the path (or, when there is none, the query) starts; {@code text.length()} for none
     */
    public String authorizationFor(String scheme, String host, int port, String text, int pathStart, String existing)
            throws IOException {
        String clientName;
        try {
            clientName = routes.match(scheme, host, port, text, pathStart);
        } catch (RuntimeException e) {
            return afterInternalError(e, existing);
        }
        if (clientName == null && unmatchedOrigins != null) {
            reportUnmatched(scheme, host, port, text.substring(pathStart));
        }
        return decide(clientName, null, null, existing);
    }

    /** Exactly one of {@code url} and {@code uri} is set. */
    private String decide(URL url, URI uri, String existing) throws IOException {
        String clientName;
        try {
            clientName = url != null ? routes.match(url) : routes.match(uri);
        } catch (RuntimeException e) {
            return afterInternalError(e, existing);
        }
        return decide(clientName, url, uri, existing);
    }

    /** {@code clientName} is the matched client or null; {@code url}/{@code uri} are for the debug report only. */
    private String decide(String clientName, URL url, URI uri, String existing) throws IOException {
        try {
            InjectionTarget target = clientName == null ? null : targets.get(clientName);
            if (target == null && unmatchedOrigins != null && (url != null || uri != null)) {
                reportUnmatched(url, uri);
            }
            boolean ours = isAgentValue(existing) || (existing != null && mayBeForgottenToken(existing, target));
            if (existing != null && !ours && (target == null || !target.overrideExisting)) {
                if (target != null) {
                    target.metrics.skippedExisting();
                }
                return existing;
            }
            if (target == null) {
                return ours ? null : existing;
            }
            AccessToken token = target.cache.forRequest();
            if (token == null) {
                token = awaitToken(target);
                if (token == null) {
                    return ours ? null : existing; // fail-open: our stale header off, the app's stays
                }
            }
            target.sent.record(token);
            target.metrics.injected();
            return token.authorizationHeader();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            return afterInternalError(e, existing);
        }
    }

    /** Debug logging only; its failure must not change the decision. */
    private void reportUnmatched(URL url, URI uri) {
        try {
            logReport(unmatchedOrigins.firstReport(url, uri));
        } catch (RuntimeException e) {
            cannotExplain(e);
        }
    }

    /** As {@link #reportUnmatched(URL, URI)}, for a hop in parts. */
    private void reportUnmatched(String scheme, String host, int port, String rawPath) {
        try {
            logReport(unmatchedOrigins.firstReport(scheme, host, port, rawPath));
        } catch (RuntimeException e) {
            cannotExplain(e);
        }
    }

    private static void logReport(String line) {
        if (line != null) {
            log.debug(line);
        }
    }

    private static void cannotExplain(RuntimeException e) {
        log.debug("cannot explain why a request gets no token ({})", e.getClass().getName());
    }

    /** Null in fail-open mode when no token came in time; throws in fail-closed mode. */
    private AccessToken awaitToken(InjectionTarget target) throws IOException {
        try {
            return target.cache.await(target.waitNanos);
        } catch (TokenUnavailableException e) {
            long suppressed = target.unavailableLog.admit();
            if (target.failClosed) {
                target.metrics.refusedFailClosed();
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
