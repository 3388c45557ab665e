package dev.oauthagent.agent.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.TimerTask;

/**
 * The optional periodic summary ({@code metrics-log-interval}): one info line per client, on the metrics timer
 * thread ({@link AgentMetrics}), with the MBean's numbers. A failure to build a line is logged by class name and
 * the next interval tries again.
 */
final class MetricsSummaryLog extends TimerTask {
    private static final Logger log = LoggerFactory.getLogger(MetricsSummaryLog.class);

    private final List<ClientAttributes> clients;

    MetricsSummaryLog(List<ClientAttributes> clients) {
        this.clients = new ArrayList<>(clients);
    }

    @Override
    public void run() {
        for (ClientAttributes client : clients) {
            try {
                log.info(client.summary());
            } catch (RuntimeException e) {
                log.warn("client '{}': could not summarise its metrics ({})", client.client(), e.getClass().getName());
            }
        }
    }
}
