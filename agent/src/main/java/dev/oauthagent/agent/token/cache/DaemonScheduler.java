package dev.oauthagent.agent.token.cache;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link RefreshScheduler}: one daemon thread, created on the first task.
 *
 * <p>Decision: one scheduler (one thread) per client, not one shared by all clients. A fetch blocks for up
 * to the client's connect + read timeout (15 s by default); on a shared thread one unreachable token endpoint
 * would delay every other client's refresh past its tokens' expiry. Agents configure a handful of clients,
 * so a thread each is cheap. The thread is named {@code oauth-agent-refresh-<client>} so a thread dump says
 * whose refresh it is.
 *
 * <p>The thread is a daemon (it must never keep the application alive) and its context class loader is the
 * agent's own: it is created lazily from whichever application thread first needs a token, and inheriting
 * that thread's loader could pin a web application's class loader after undeployment.
 *
 * <p>The thread ends after {@link #IDLE_THREAD_SECONDS} with nothing scheduled (an idle client: see
 * {@link TokenCache}) and a new one starts with the next task, so an unused client holds no thread. While a
 * task is pending the thread stays: a pool's last worker never times out over a non-empty queue.
 *
 * <p>No lambdas: this class may be loaded during {@code premain}, where the agent avoids bootstrapping
 * invokedynamic before its instrumentation is installed.
 */
public final class DaemonScheduler implements RefreshScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonScheduler.class);
    private static final Cancellable NOTHING = new Cancellable() {
        @Override
        public void cancel() {
        }
    };

    private final ScheduledThreadPoolExecutor executor;

    static final long IDLE_THREAD_SECONDS = 60;

    public DaemonScheduler(String threadName) {
        this(threadName, TimeUnit.SECONDS.toNanos(IDLE_THREAD_SECONDS));
    }

    DaemonScheduler(String threadName, long idleThreadNanos) {
        executor = new ScheduledThreadPoolExecutor(1, new NamedDaemonThreads(threadName));
        executor.setKeepAliveTime(idleThreadNanos, TimeUnit.NANOSECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** The scheduler {@link TokenCache#create} gives each client. */
    public static DaemonScheduler forClient(String clientName) {
        return new DaemonScheduler("oauth-agent-refresh-" + clientName);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayNanos) {
        final ScheduledFuture<?> future;
        try {
            future = executor.schedule(new Guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            return NOTHING;
        }
        return new Cancellable() {
            @Override
            public void cancel() {
                future.cancel(false);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Keeps a task's failure from vanishing silently inside its ScheduledFuture. */
    private static final class Guarded implements Runnable {
        private final Runnable task;

        Guarded(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            try {
                task.run();
            } catch (Throwable t) {
                // Class name only: a message could quote a server response.
                LOG.error("internal error in the token refresh thread ({}); please report it", t.getClass().getName());
            }
        }
    }

    private static final class NamedDaemonThreads implements ThreadFactory {
        private final String name;

        NamedDaemonThreads(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY);
            t.setContextClassLoader(DaemonScheduler.class.getClassLoader());
            return t;
        }
    }
}
