package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StartupGateTest {
    private static final String TARGET = "sun.net.www.protocol.http.HttpURLConnection";
    private static final String TARGET_INTERNAL = "sun/net/www/protocol/http/HttpURLConnection";
    private static final byte[] ORIGINAL = {1};

    private final StartupGate gate = new StartupGate(Collections.singletonList(TARGET));

    @Test
    void otherClassesPassAtOnceWhileTheGateIsClosed() {
        assertThat(gate.transform(null, "java/util/ArrayList", null, null, ORIGINAL)).isNull();
        assertThat(gate.transform(null, null, null, null, ORIGINAL)).isNull();
    }

    @Test
    void aTargetLoadedWhileClosedWaitsUntilTheGateOpensAndIsLeftToByteBuddy() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CompletableFuture<byte[]> load = CompletableFuture.supplyAsync(() -> {
            loading.countDown();
            return gate.transform(null, TARGET_INTERNAL, null, null, ORIGINAL);
        });
        loading.await();
        Thread.sleep(50); // not a timing assertion: only gives the load a chance to (wrongly) finish early

        assertThat(load).as("held while byte-buddy is not ready").isNotDone();
        gate.open();

        assertThat(load.get(10, TimeUnit.SECONDS)).as("the gate never rewrites bytes itself").isNull();
    }

    @Test
    void releasedTargetsGoAheadWhileTheOthersStayHeld() throws Exception {
        String logging = "ch.qos.logback.core.OutputStreamAppender";
        StartupGate twoTargets = new StartupGate(List.of(TARGET, logging));
        CountDownLatch loading = new CountDownLatch(2);
        CompletableFuture<byte[]> client = CompletableFuture.supplyAsync(() -> {
            loading.countDown();
            return twoTargets.transform(null, TARGET_INTERNAL, null, null, ORIGINAL);
        });
        CompletableFuture<byte[]> logger = CompletableFuture.supplyAsync(() -> {
            loading.countDown();
            return twoTargets.transform(null, logging.replace('.', '/'), null, null, ORIGINAL);
        });
        loading.await();

        twoTargets.release(List.of(TARGET));

        assertThat(client.get(10, TimeUnit.SECONDS)).as("released: its transformer is installed").isNull();
        Thread.sleep(50); // not a timing assertion: only gives the held load a chance to (wrongly) finish
        assertThat(logger).as("still held: its transformer is not installed yet").isNotDone();
        assertThat(twoTargets.isOpen()).isFalse();
        twoTargets.open();
        assertThat(logger.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(twoTargets.isOpen()).isTrue();
    }

    @Test
    void onceOpenTargetsPassAtOnce() throws Exception {
        gate.open();

        CompletableFuture<byte[]> load = CompletableFuture.supplyAsync(
                () -> gate.transform(null, TARGET_INTERNAL, null, null, ORIGINAL));
        assertThat(load.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(gate.isOpen()).isTrue();
    }

    @Test
    void retransformationsAreNeverHeld() throws Exception {
        CompletableFuture<byte[]> retransform = CompletableFuture.supplyAsync(
                () -> gate.transform(null, TARGET_INTERNAL, String.class, null, ORIGINAL));

        assertThat(retransform.get(10, TimeUnit.SECONDS)).isNull();
    }
}
