package dev.oauthagent.bench.harness;

import java.nio.file.Path;
import java.util.List;

/** One way of starting the child JVM: the JVM options that make the difference, under a short name. */
record JvmVariant(String name, List<String> jvmArgs) {

    static JvmVariant noAgent() {
        return new JvmVariant("no agent", List.of());
    }

    static JvmVariant oauthAgent(Path agentJar, Path config) {
        return new JvmVariant("oauth-agent", List.of("-javaagent:" + agentJar + "=config=" + config));
    }

    /** oauth-agent with log scrubbing off: no logging hook, so nothing waits for one. */
    static JvmVariant oauthAgentScrubbingOff(Path agentJar, Path config) {
        return new JvmVariant("oauth-agent, scrub off", List.of("-javaagent:" + agentJar + "=config=" + config,
                "-Doauth.agent.scrub.enabled=false"));
    }

    /** The OpenTelemetry Java agent with every exporter off: what its instrumentation alone costs. */
    static JvmVariant openTelemetry(Path otelJar) {
        return new JvmVariant("opentelemetry", List.of("-javaagent:" + otelJar,
                "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none"));
    }
}
