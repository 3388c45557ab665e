package dev.oauthagent.agent.token.store;

import static dev.oauthagent.agent.token.store.StoreFixture.ENDPOINT;
import static dev.oauthagent.agent.token.store.StoreFixture.randomKey;
import static dev.oauthagent.agent.token.store.StoreFixture.store;
import static dev.oauthagent.agent.token.store.StoreFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.oauthagent.agent.config.TokenStoreConfig;
import dev.oauthagent.agent.config.TokenStoreKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores opened separately on one file (each with its own channels, as two JVMs would) never run the refresher
 * for the same stored refresh token twice, and a store held longer than the wait gives up with a clear error.
 */
class TokenStoreConcurrencyTest {
    private static final int ROUNDS = 40;

    @TempDir
    Path dir;

    private final TokenStoreKey key = randomKey("env var KEY");
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private Path file() {
        return dir.resolve("billing.tokens");
    }

    private TokenStore newStore(Duration lockWait) {
        return store("billing", new TokenStoreConfig(file(), key, null, false), lockWait, null);
    }

    @Test
    void twoStoresThatSawTheSameRefreshTokenSpendItOnceAndBothEndWithItsSuccessor() throws Exception {
        Files.createDirectory(dir.resolve("spent"));
        SpendingServer server = new SpendingServer(dir.resolve("spent"));
        newStore(Duration.ofSeconds(30)).write(TokenRecord.of(ENDPOINT, token("rt-")));
        CyclicBarrier bothSawIt = new CyclicBarrier(2);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            TokenStore store = newStore(Duration.ofSeconds(30));
            results.add(threads.submit(() -> {
                List<String> ends = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    String seen = store.read().refreshToken();
                    bothSawIt.await(30, TimeUnit.SECONDS);
                    // The grant's rule: spend the token it saw only if the file still holds it.
                    TokenRecord after = store.update(current -> current.hasRefreshToken(seen)
                            ? StoreUpdate.replace(TokenRecord.of(ENDPOINT, server.spend(seen)))
                            : StoreUpdate.keep());
                    ends.add(after.refreshToken());
                    bothSawIt.await(30, TimeUnit.SECONDS);
                }
                return ends;
            }));
        }
        List<String> first = results.get(0).get(60, TimeUnit.SECONDS);
        List<String> second = results.get(1).get(60, TimeUnit.SECONDS);

        assertThat(first).as("each round both stores end with the one successor").isEqualTo(second);
        assertThat(server.spentCount()).as("one spend per round: the second store took the first one's token")
                .isEqualTo(ROUNDS);
        assertThat(server.isSpent(newStore(Duration.ofSeconds(30)).read().refreshToken())).isFalse();
    }

    @Test
    void noTwoRefreshersRunAtOnceAndEachSeesTheRecordTheOtherWrote() throws Exception {
        newStore(Duration.ofSeconds(30)).write(TokenRecord.of(ENDPOINT, "rt-0"));
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            TokenStore store = newStore(Duration.ofSeconds(30));
            results.add(threads.submit(() -> {
                start.await();
                for (int round = 0; round < ROUNDS; round++) {
                    store.update(current -> {
                        if (inside.incrementAndGet() != 1) {
                            overlapped.set(true);
                        }
                        int n = Integer.parseInt(current.refreshToken().substring(3));
                        Thread.yield(); // give the other thread every chance to get in, were the lock broken
                        inside.decrementAndGet();
                        return StoreUpdate.replace(TokenRecord.of(ENDPOINT, "rt-" + (n + 1)));
                    });
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> result : results) {
            result.get(60, TimeUnit.SECONDS);
        }
        assertThat(overlapped).as("two refreshers inside at once").isFalse();
        assertThat(newStore(Duration.ofSeconds(30)).read().refreshToken()).as("no update was lost")
                .isEqualTo("rt-" + 2 * ROUNDS);
    }

    @Test
    void aStoreHeldLongerThanTheWaitGivesUpWithoutRunningItsRefresherThenSucceedsOnceReleased() throws Exception {
        String first = token("rt-");
        String second = token("rt-");
        newStore(Duration.ofSeconds(30)).write(TokenRecord.of(ENDPOINT, first));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> newStore(Duration.ofSeconds(30)).update(current -> {
            holding.countDown();
            release.await(60, TimeUnit.SECONDS);
            return StoreUpdate.replace(TokenRecord.of(ENDPOINT, second));
        }));
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();

        TokenStore waiting = newStore(Duration.ofMillis(100));
        AtomicBoolean ran = new AtomicBoolean();
        TokenStoreException busy = assertThrows(TokenStoreException.class, () -> waiting.update(current -> {
            ran.set(true);
            return StoreUpdate.keep();
        }));
        assertThat(busy.reason()).isEqualTo(TokenStoreException.Reason.BUSY);
        assertThat(busy.isTransient()).isTrue();
        assertThat(busy.getMessage()).contains("client 'billing'", file() + ".lock", "within 100 ms");
        assertThat(ran).isFalse();

        release.countDown();
        holder.get(60, TimeUnit.SECONDS);
        assertThat(waiting.update(current -> StoreUpdate.keep()).refreshToken()).isEqualTo(second);
    }
}
