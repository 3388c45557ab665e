package dev.oauthagent.agent.token.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class DaemonSchedulerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void tasksRunOnOneDaemonThreadNamedForTheClient() throws Exception {
        try (DaemonScheduler scheduler = DaemonScheduler.forClient("billing")) {
            AtomicReference<Thread> ran = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(2);
            List<Thread> threads = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 2; i++) {
                scheduler.schedule(() -> {
                    threads.add(Thread.currentThread());
                    ran.set(Thread.currentThread());
                    done.countDown();
                }, 0);
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ran.get().getName()).isEqualTo("oauth-agent-refresh-billing");
            assertThat(ran.get().isDaemon()).isTrue();
            assertThat(threads).hasSize(2).allMatch(t -> t == threads.get(0));
            assertThat(ran.get().getContextClassLoader()).isSameAs(DaemonScheduler.class.getClassLoader());
        }
    }

    @Test
    void theThreadEndsWhenNothingIsScheduledAndANewOneRunsTheNextTask() throws Exception {
        try (DaemonScheduler scheduler = new DaemonScheduler("test-refresh", 50 * MS)) {
            AtomicReference<Thread> first = new AtomicReference<>();
            CountDownLatch ran = new CountDownLatch(1);
            scheduler.schedule(() -> { first.set(Thread.currentThread()); ran.countDown(); }, 0);
            assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();

            first.get().join(TimeUnit.SECONDS.toMillis(30));
            assertThat(first.get().isAlive()).as("the idle thread ended").isFalse();

            AtomicReference<Thread> second = new AtomicReference<>();
            CountDownLatch ranAgain = new CountDownLatch(1);
            scheduler.schedule(() -> { second.set(Thread.currentThread()); ranAgain.countDown(); }, 0);
            assertThat(ranAgain.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get()).isNotSameAs(first.get());
            assertThat(second.get().getName()).isEqualTo("test-refresh");
        }
    }

    @Test
    void aPendingTaskKeepsTheThreadAlivePastTheIdleTime() throws Exception {
        try (DaemonScheduler scheduler = new DaemonScheduler("test-refresh", MS)) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(2);
            // The later task first: queued before the thread exists, so it is pending whenever the first task
            // ends, however long this thread is paused between the two calls on a loaded machine.
            scheduler.schedule(() -> { threads.add(Thread.currentThread()); done.countDown(); }, 300 * MS);
            scheduler.schedule(() -> { threads.add(Thread.currentThread()); done.countDown(); }, 0);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).hasSize(2).allMatch(t -> t == threads.get(0));
        }
    }

    @Test
    void tasksRunInDueOrder() throws Exception {
        try (DaemonScheduler scheduler = new DaemonScheduler("test-refresh")) {
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(2);
            scheduler.schedule(() -> { order.add("later"); done.countDown(); }, 200 * MS);
            scheduler.schedule(() -> { order.add("sooner"); done.countDown(); }, 0);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("sooner", "later");
        }
    }

    @Test
    void cancelledTaskNeverRuns() throws Exception {
        try (DaemonScheduler scheduler = new DaemonScheduler("test-refresh")) {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch marker = new CountDownLatch(1);
            // 1 s of room between scheduling and cancelling: a loaded machine can pause this thread for 100 ms.
            scheduler.schedule(() -> ran.add("cancelled"), 1000 * MS).cancel();
            scheduler.schedule(marker::countDown, 1100 * MS); // same thread, due later: runs after it would have
            assertThat(marker.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).isEmpty();
        }
    }

    @Test
    void failingTaskDoesNotStopLaterTasks() throws Exception {
        try (DaemonScheduler scheduler = new DaemonScheduler("test-refresh")) {
            CountDownLatch after = new CountDownLatch(1);
            scheduler.schedule(() -> {
                throw new IllegalStateException("boom");
            }, 0);
            scheduler.schedule(after::countDown, 10 * MS);
            assertThat(after.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void afterCloseTasksAreDroppedAndSchedulingReturnsAHarmlessHandle() throws Exception {
        DaemonScheduler scheduler = new DaemonScheduler("test-refresh");
        List<String> ran = new CopyOnWriteArrayList<>();
        scheduler.schedule(() -> ran.add("pending"), Duration.ofMillis(100).toNanos());
        scheduler.close();
        RefreshScheduler.Cancellable handle = scheduler.schedule(() -> ran.add("late"), 0);
        handle.cancel();
        scheduler.close();
        assertThat(ran).isEmpty();
    }
}
