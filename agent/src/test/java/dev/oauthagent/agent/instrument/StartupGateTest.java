package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class StartupGateTest {
    private static final String TARGET = "sun.net.www.protocol.http.HttpURLConnection";
    private static final String TARGET_INTERNAL = "sun/net/www/protocol/http/HttpURLConnection";
    private static final byte[] ORIGINAL = {1};
    private static final byte[] TRANSFORMED = {2};
    private static final ClassFileTransformer BYTE_BUDDY = new Returning(TRANSFORMED);

    private final StartupGate gate = new StartupGate(Collections.singletonList(TARGET));

    @Test
    void otherClassesPassAtOnceWhileTheGateIsClosed() {
        assertThat(gate.transform(null, "java/util/ArrayList", null, null, ORIGINAL)).isNull();
        assertThat(gate.transform(null, null, null, null, ORIGINAL)).isNull();
    }

    @Test
    void aTargetLoadedWhileClosedWaitsAndIsHandedToByteBuddy() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CompletableFuture<byte[]> load = CompletableFuture.supplyAsync(() -> {
            loading.countDown();
            return gate.transform(null, TARGET_INTERNAL, null, null, ORIGINAL);
        });
        loading.await();

        assertThat(load).as("held while byte-buddy is not ready").isNotDone();
        gate.open(BYTE_BUDDY);

        assertThat(load.get(10, TimeUnit.SECONDS)).isSameAs(TRANSFORMED);
    }

    @Test
    void aFailedInstallLetsHeldTargetsLoadUntransformed() throws Exception {
        CompletableFuture<byte[]> load = CompletableFuture.supplyAsync(
                () -> gate.transform(null, TARGET_INTERNAL, null, null, ORIGINAL));
        gate.open(null);

        assertThat(load.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void onceOpenTheGateLeavesTargetsToByteBuddysOwnTransformer() {
        gate.open(BYTE_BUDDY);

        assertThat(gate.transform(null, TARGET_INTERNAL, null, null, ORIGINAL)).isNull();
    }

    @Test
    void retransformationsAreNotTheGatesBusiness() {
        assertThat(gate.transform(null, TARGET_INTERNAL, String.class, null, ORIGINAL)).isNull();
    }

    @Test
    void aThrowingDelegateNeverFailsTheClassLoad() throws Exception {
        CompletableFuture<byte[]> load = CompletableFuture.supplyAsync(
                () -> gate.transform(null, TARGET_INTERNAL, null, null, ORIGINAL));
        gate.open(new Returning(null) {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd,
                                    byte[] bytes) {
                throw new IllegalStateException("boom");
            }
        });

        assertThat(load.get(10, TimeUnit.SECONDS)).isNull();
    }

    private static class Returning implements ClassFileTransformer {
        private final byte[] result;

        Returning(byte[] result) {
            this.result = result;
        }

        @Override
        public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain pd,
                                byte[] bytes) {
            return result;
        }
    }
}
