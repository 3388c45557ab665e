package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.oauthagent.agent.token.AccessToken;
import dev.oauthagent.agent.token.TokenSource;

/** Real threads and the real scheduler thread: N concurrent callers, one token request. */
class TokenCacheSingleFlightTest {
    private static final int THREADS = 500;
    private static final long WAIT = Duration.ofSeconds(60).toNanos();

    /** Answers the first request at once; every later one only when the gate opens. */
    private static final class GatedSource implements TokenSource {
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public AccessToken fetch() {
            int n = calls.incrementAndGet();
            if (n > 1) {
                try {
                    gate.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new AccessToken("token-" + n, "Bearer", 3600, null);
        }
    }

    private static List<Thread> startAll(int count, CountDownLatch ready, CountDownLatch go, Runnable body) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.run();
            }, "caller-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(t.isAlive()).as("%s still running", t.getName()).isFalse();
        }
    }

    @Test
    void fiveHundredThreadsAwaitingAtExpiryCauseExactlyOneTokenRequest() throws Exception {
        ManualTicker ticker = new ManualTicker();
        GatedSource source = new GatedSource();
        try (TokenCache cache = new TokenCache("billing", source, RefreshPolicy.defaults(), ticker,
                new DaemonScheduler("test-refresh"), FixedRandom.least())) {
            AccessToken first = cache.await(WAIT);
            ticker.advance(Duration.ofMinutes(59)); // expired; the real refresh is 30 real minutes away
            assertThat(cache.current()).isNull();

            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            Set<AccessToken> received = ConcurrentHashMap.newKeySet();
            AtomicInteger failures = new AtomicInteger();
            List<Thread> threads = startAll(THREADS, ready, go, () -> {
                try {
                    received.add(cache.await(WAIT));
                } catch (TokenUnavailableException e) {
                    failures.incrementAndGet();
                }
            });
            ready.await(60, TimeUnit.SECONDS);
            go.countDown();
            waitUntilAllParked(threads);
            source.gate.countDown();
            joinAll(threads);

            assertThat(failures).hasValue(0);
            assertThat(source.calls).as("one request for the first token, one for all 500 callers").hasValue(2);
            assertThat(received).hasSize(1).doesNotContain(first);
        }
    }

    /** Most callers park on the request's latch before it ends; those that come later find the token. */
    private static void waitUntilAllParked(List<Thread> threads) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0) {
            long parked = threads.stream().filter(t -> t.getState() == Thread.State.TIMED_WAITING).count();
            if (parked == threads.size()) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void manyThreadsInvalidatingTheSameRejectedTokenCauseOneEvictionAndOneRequest() throws Exception {
        GatedSource source = new GatedSource();
        source.gate.countDown();
        try (TokenCache cache = new TokenCache("billing", source, RefreshPolicy.defaults(), Ticker.system(),
                new DaemonScheduler("test-refresh"), FixedRandom.least())) {
            AccessToken rejected = cache.await(WAIT);
            CountDownLatch ready = new CountDownLatch(100);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger evictions = new AtomicInteger();
            List<Thread> threads = startAll(100, ready, go, () -> {
                if (cache.invalidate(rejected)) {
                    evictions.incrementAndGet();
                }
            });
            ready.await(60, TimeUnit.SECONDS);
            go.countDown();
            joinAll(threads);

            AccessToken next = cache.await(WAIT);
            assertThat(evictions).hasValue(1);
            assertThat(next).isNotSameAs(rejected);
            assertThat(source.calls).hasValue(2);
        }
    }

    @Test
    void callersAwaitingWhileInvalidationsRaceStillCauseOnlyOneRequestAtATime() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        TokenSource source = () -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.yield();
            inFlight.decrementAndGet();
            return new AccessToken("token-" + calls.incrementAndGet(), "Bearer", 3600, null);
        };
        try (TokenCache cache = new TokenCache("billing", source, RefreshPolicy.defaults(), Ticker.system(),
                new DaemonScheduler("test-refresh"), FixedRandom.least())) {
            CountDownLatch ready = new CountDownLatch(16);
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger failures = new AtomicInteger();
            List<Thread> threads = startAll(16, ready, go, () -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        cache.invalidate(cache.await(WAIT));
                    } catch (TokenUnavailableException e) {
                        failures.incrementAndGet();
                    }
                }
            });
            ready.await(60, TimeUnit.SECONDS);
            go.countDown();
            joinAll(threads);

            assertThat(failures).hasValue(0);
            assertThat(maxInFlight).hasValue(1);
            assertThat(calls.get()).isBetween(2, 1 + 16 * 200);
        }
    }
}
