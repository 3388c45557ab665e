package dev.oauthagent.e2e.scrub;

/**
 * logback 1.5 under the agent ({@code test-apps/logback-app}): a console appender and a file appender with
 * pattern encoders (MDC included), and JSON files from logstash-logback-encoder and from logback's own
 * JsonEncoder. Every one of them writes through the hooked {@code OutputStreamAppender}.
 */
class LogbackScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "logback-app";
    }
}
