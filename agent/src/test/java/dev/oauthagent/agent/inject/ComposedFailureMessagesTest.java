package dev.oauthagent.agent.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.agent.token.FailureCorpus;
import dev.oauthagent.agent.token.StderrCapture;
import dev.oauthagent.agent.token.TokenFetchException;
import dev.oauthagent.agent.token.cache.RefreshPolicy;
import dev.oauthagent.agent.token.cache.RefreshScheduler;
import dev.oauthagent.agent.token.cache.TokenCache;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every token failure the agent can report, passed through everything that composes text around it: the
 * refresh log's warning, the injector's line and the application's exception. Their joins must read as
 * sentences (no ".;" or ".." or ",."), the cause must be in the agent's log once per failed request, and no
 * delay may read "0s".
 */
class ComposedFailureMessagesTest {
    private static final Pattern DOUBLED = Pattern.compile("[.;:,] ?[.;,]");
    private static final Pattern ZERO_SECONDS = Pattern.compile("\\bin 0 ?s\\b");
    private static final String PREFIX = "oauth-agent: client 'billing': ";

    private final ClientConfig config = FailureCorpus.client();

    @Test
    void composedMessagesHaveNoDoubledPunctuationAndLogTheCauseOnce() throws Exception {
        List<String> problems = new ArrayList<>();
        for (TokenFetchException failure : FailureCorpus.all(config)) {
            for (FailMode mode : FailMode.values()) {
                check(failure, mode, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private void check(TokenFetchException failure, FailMode mode, List<String> problems) throws Exception {
        ClientConfig client = ClientConfig.builder("billing").tokenUrl(config.tokenUrl()).clientId("billing-id")
                .clientSecret(config.clientSecret()).hosts(Collections.singletonList("api.example.com"))
                .failMode(mode).waitTimeout(Duration.ofMillis(50)).build();
        List<String> texts = new ArrayList<>();
        String log;
        NowOnly scheduler = new NowOnly();
        try (StderrCapture stderr = StderrCapture.start();
                TokenCache cache = new TokenCache("billing", () -> {
                    throw failure;
                }, RefreshPolicy.defaults(), () -> 0L, scheduler, new Random(1))) {
            cache.start();
            scheduler.awaitRun(); // the first request failed; its retries never run
            Injector injector = new Injector(Collections.singletonList(client),
                    Collections.singletonMap("billing", cache), () -> 0L);
            IOException thrown = catchThrowableOfType(IOException.class,
                    () -> injector.authorizationFor(URI.create("https://api.example.com/x"), null));
            if (thrown != null) {
                texts.add(thrown.getMessage());
            }
            log = stderr.text();
        }
        texts.addAll(log.lines().toList());
        String message = failure.getMessage();
        String cause = message.startsWith(PREFIX) ? message.substring(PREFIX.length()) : message;
        cause = cause.endsWith(".") ? cause.substring(0, cause.length() - 1) : cause; // a join may drop it
        String where = mode + " / " + cause;
        for (String text : texts) {
            find(DOUBLED, text, where, problems);
            find(ZERO_SECONDS, text, where, problems);
        }
        int logged = occurrences(log, cause);
        if (logged != 1) {
            problems.add(where + ": the cause is in the agent's log " + logged + " times:\n" + log);
        }
    }

    /**
     * Runs a request for "now" at once on a thread of its own; anything planned for later never runs.
     * {@link #awaitRun()} returns once a request has ended, its failure recorded and logged.
     */
    private static final class NowOnly implements RefreshScheduler {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Semaphore ran = new Semaphore(0);

        @Override
        public Cancellable schedule(Runnable task, long delayNanos) {
            if (delayNanos <= 0) {
                thread.execute(() -> {
                    task.run();
                    ran.release();
                });
            }
            return () -> { };
        }

        void awaitRun() throws InterruptedException {
            assertThat(ran.tryAcquire(30, TimeUnit.SECONDS)).as("the token request ran").isTrue();
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    private static void find(Pattern pattern, String text, String where, List<String> problems) {
        Matcher m = pattern.matcher(text.replace("...", "\u2026")); // a sanitizer's ellipsis is not doubled
        if (m.find()) {
            problems.add(where + ": '" + m.group() + "' in: " + text);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
