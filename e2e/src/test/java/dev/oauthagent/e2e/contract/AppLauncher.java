package dev.oauthagent.e2e.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.HostsFile;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.JavaProcessBuilder;
import dev.oauthagent.e2e.support.SecretForms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a {@link ClientApp} to its end in a real JVM that resolves the contract's host names ({@link HostsFile})
 * and trusts the test servers' certificate, with the agent configured one way or another, or without it. Every
 * run is checked for leaks: no client secret in any form {@link SecretForms} knows (plain, Basic value, percent-,
 * form- and JSON-encoded, base64) and no token (a JWT, "eyJ...") in the app's output or the servers'. The agent
 * runs with scrubbing off ({@link AgentSetup}), so what is checked is what the agent itself wrote.
 */
final class AppLauncher {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
    /** Every access token of the test authorization server is a JWT; its base64 header starts so. */
    private static final String JWT_START = "eyJ";

    private final ClientApp app;

    AppLauncher(ClientApp app) {
        this.app = app;
    }

    /** The app alone, as without oauth-agent. */
    AppResult withoutAgent(AppRun run, ContractServers used) {
        return finish(process(run, used), run, Map.of(), used);
    }

    /** Under the agent, configured by environment variables only. */
    AppResult withEnvironment(AppRun run, AgentSetup setup, ContractServers used) {
        JavaProcessBuilder builder = process(run, used).javaAgent(E2ePaths.agentJar(), null);
        setup.asEnvironment().forEach(builder::env);
        return finish(builder, run, setup.secrets(), used);
    }

    /** Under the agent, configured by a properties file only ({@code -javaagent:...=config=<file>}). */
    AppResult withPropertiesFile(AppRun run, AgentSetup setup, Path file, ContractServers used) {
        setup.writePropertiesFile(file);
        return finish(process(run, used).javaAgent(E2ePaths.agentJar(), "config=" + file), run, setup.secrets(), used);
    }

    private JavaProcessBuilder process(AppRun run, ContractServers used) {
        return app.program(JavaProcess.builder(app.name()))
                .jvmArgs(HostsFile.jvmArg())
                .jvmArgs(used.tls.trustStoreJvmArgs().toArray(String[]::new))
                .args(app.args(run).toArray(String[]::new));
    }

    private AppResult finish(JavaProcessBuilder builder, AppRun run, Map<String, String> secrets,
            ContractServers used) {
        long start = System.nanoTime();
        AppResult result;
        try (JavaProcess process = builder.start()) {
            int exitCode = process.awaitExit(RUN_TIMEOUT);
            result = new AppResult(run, exitCode, process.stdout(), process.stderr(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        assertThat(result.stdout()).as("the app ran to its end\n%s", result).contains("DONE ok=");
        assertNoSecretIn(result.output(), secrets, "the app's output");
        assertNoSecretIn(used.serverOutput(), secrets, "the servers' output");
        app.assertRanAsDescribed(result);
        return result;
    }

    private static void assertNoSecretIn(String output, Map<String, String> secrets, String where) {
        SecretForms.assertAbsent(where, output, secrets);
        assertThat(output).as("a token (JWT) in %s", where).doesNotContain(JWT_START);
    }
}
