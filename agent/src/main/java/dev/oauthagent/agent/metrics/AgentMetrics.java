package dev.oauthagent.agent.metrics;

import dev.oauthagent.agent.token.cache.TokenCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes the clients' metrics readable: an MBean per client on the platform MBean server and, when configured, the
 * periodic summary line. Runs on the agent's start-up thread after the HTTP clients are instrumented: starting
 * the platform MBean server costs tens of milliseconds of class loading that no request should wait for.
 */
public final class AgentMetrics {
    private static final Logger log = LoggerFactory.getLogger(AgentMetrics.class);

    private AgentMetrics() {
    }

    /**
     * @param metrics   each client's counters, by client name, in the order of {@code caches}
     * @param logEvery  how often to log the summary; null for never
     */
    public static void expose(Map<String, TokenCache> caches, Map<String, ClientMetrics> metrics,
            RedactionCount redactions, Duration logEvery) {
        List<ClientAttributes> clients = new ArrayList<>();
        for (Map.Entry<String, TokenCache> e : caches.entrySet()) {
            clients.add(new ClientAttributes(e.getKey(), metrics.get(e.getKey()), e.getValue(), redactions));
        }
        register(clients);
        if (logEvery == null) {
            return;
        }
        try {
            MetricsSummaryLog.start(clients, logEvery.toMillis());
        } catch (Throwable t) { // a thread the JVM will not start must not cost the application its tokens
            log.warn("cannot start the metrics summary log ({}); metrics-log-interval has no effect.",
                    t.getClass().getName());
        }
    }

    private static void register(List<ClientAttributes> clients) {
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
