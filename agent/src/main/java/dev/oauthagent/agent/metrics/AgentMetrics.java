package dev.oauthagent.agent.metrics;

import dev.oauthagent.agent.token.cache.TokenCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.TimeUnit;

/**
 * Makes the clients' metrics readable: an MBean per client on the platform MBean server and, when configured, the
 * periodic summary line, both on a daemon timer thread of their own.
 *
 * <p>The MBeans are registered {@link #REGISTER_AFTER_MILLIS} after the agent started, not at once: starting the
 * platform MBean server costs 100 to 400 ms of class loading and initialisation (measured on 2 loaded cores, JDK
 * 17 and 25), which at once would compete with the application's own start-up and its first requests for the
 * CPU. A program that ends sooner never pays for it; nobody attaches jconsole to it in the first seconds anyway.
 */
public final class AgentMetrics {
    static final long REGISTER_AFTER_MILLIS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(AgentMetrics.class);

    private AgentMetrics() {
    }

    /**
     * Never throws: metrics that cannot start cost a warning line, not the application's tokens.
     *
     * @param metrics   each client's counters, by client name, in the order of {@code caches}
     * @param logEvery  how often to log the summary; null for never
     */
    public static void expose(Map<String, TokenCache> caches, Map<String, ClientMetrics> metrics,
            RedactionCount redactions, Duration logEvery) {
        try {
            List<ClientAttributes> clients = new ArrayList<>();
            for (Map.Entry<String, TokenCache> e : caches.entrySet()) {
                clients.add(new ClientAttributes(e.getKey(), metrics.get(e.getKey()), e.getValue(), redactions));
            }
            Timer timer = new Timer("oauth-agent-metrics", true);
            timer.schedule(new Registration(clients), REGISTER_AFTER_MILLIS);
            if (logEvery != null) {
                timer.scheduleAtFixedRate(new MetricsSummaryLog(clients), logEvery.toMillis(), logEvery.toMillis());
            }
        } catch (Throwable t) { // a thread the JVM will not start must not cost the application its tokens
            log.warn("cannot start the agent's metrics thread ({}); no JMX MBeans and no metrics summary lines.",
                    t.getClass().getName());
        }
    }

    /** Registers the MBeans once. A class, not a lambda: TimerTask is an abstract class. */
    private static final class Registration extends TimerTask {
        private final List<ClientAttributes> clients;

        Registration(List<ClientAttributes> clients) {
            this.clients = clients;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            try {
                ClientMBeans.register(ManagementFactory.getPlatformMBeanServer(), clients);
            } catch (Throwable t) { // no java.management module, or a platform server that fails to start
                log.warn("cannot expose the clients' metrics over JMX ({}); the agent runs without them.",
                        t.getClass().getName());
                return;
            }
            log.debug("JMX MBeans of {} client(s) registered in {} ms", clients.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }
}
