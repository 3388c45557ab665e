package dev.oauthagent.agent.metrics;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * A client's token source, counted: every request and every failure by code go to its {@link ClientMetrics}, and
 * failures to its {@link FailureAlerts}, whose warning is logged here. Changes no outcome: what the source returns
 * or throws goes on unchanged.
 */
public final class CountingTokenSource implements TokenSource {
    private static final Logger log = LoggerFactory.getLogger(CountingTokenSource.class);

    private final TokenSource source;
    private final ClientMetrics metrics;
    private final FailureAlerts alerts;
    private final Clock clock;
    private final Logger logger;

    public CountingTokenSource(TokenSource source, ClientMetrics metrics, FailureAlerts alerts) {
        this(source, metrics, alerts, Clock.systemUTC(), log);
    }

    CountingTokenSource(TokenSource source, ClientMetrics metrics, FailureAlerts alerts, Clock clock, Logger logger) {
        this.source = source;
        this.metrics = metrics;
        this.alerts = alerts;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public AccessToken fetch() throws TokenFetchException {
        metrics.tokenRequested();
        try {
            return source.fetch();
        } catch (TokenFetchException e) {
            failed(FailureCode.of(e));
            throw e;
        } catch (RuntimeException | Error e) {
            failed(FailureCode.OTHER);
            throw e;
        }
    }

    private void failed(String code) {
        metrics.tokenFailed(code, clock.millis());
        String warning = alerts.failed(code);
        if (warning != null) {
            logger.warn(warning);
        }
    }
}
