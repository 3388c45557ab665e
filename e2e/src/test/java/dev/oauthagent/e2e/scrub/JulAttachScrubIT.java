package dev.oauthagent.e2e.scrub;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.RecorderPerClass;
import dev.oauthagent.e2e.support.SecretForms;
import dev.oauthagent.testapps.leaky.LeakyLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * java.util.logging when the agent is attached to a running program: jul-app's handlers (the root logger's
 * ConsoleHandler, holding the System.err of before the agent, and its FileHandlers) were made and had written
 * before the attach; the secrets it logs afterwards must still be scrubbed in all of them.
 */
class JulAttachScrubIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String WAITING = "JUL_APP_WAITING_FOR_AGENT";

    @RegisterExtension
    static final RecorderPerClass origin = new RecorderPerClass();

    @TempDir
    Path dir;

    @Test
    void handlersMadeBeforeARuntimeAttachScrubWhatIsLoggedAfterIt() throws IOException {
        AuthServer auth = AuthServer.shared();
        Path logDir = Files.createDirectories(dir.resolve("logs"));
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "oauth.agent.clients.leaky.token-url=" + auth.tokenUrl() + "\n"
                + "oauth.agent.clients.leaky.client-id=" + auth.postClientId() + "\n"
                + "oauth.agent.clients.leaky.client-auth=client_secret_post\n"
                + "oauth.agent.clients.leaky.client-secret=${env:LEAKY_CLIENT_SECRET}\n"
                + "oauth.agent.clients.leaky.hosts=127.0.0.1:" + origin.recorder().port() + "\n"
                + "oauth.agent.clients.leaky.paths=/__echo-authorization\n"
                + "oauth.agent.clients.leaky.allow-http=true\n");
        Path attached = dir.resolve("attached");

        try (JavaProcess app = JavaProcess.builder("jul-app-attach").jar(E2ePaths.testApp("jul-app"))
                .jvmArgs("-XX:+EnableDynamicAgentLoading")
                .env("LEAKY_CLIENT_SECRET", auth.postClientSecret())
                .args("--echo-url=" + origin.recorder().echoAuthorizationUrl(), "--client-id=" + auth.postClientId(),
                        "--log-dir=" + logDir, "--wait-for=" + attached)
                .start()) {
            app.awaitLine(WAITING, WAIT);
            try (JavaProcess cli = JavaProcess.builder("jul-app-attach-cli").jar(E2ePaths.agentJar())
                    .env("LEAKY_CLIENT_SECRET", auth.postClientSecret())
                    .args("attach", String.valueOf(app.pid()), "config=" + config).start()) {
                assertThat(cli.awaitExit(WAIT)).as(cli.stdout() + cli.stderr()).isZero();
            }
            // Logged after the hooks are installed, existing handlers included.
            app.awaitLine("started with 1 client(s): [leaky]", WAIT);
            Files.createFile(attached);

            assertThat(app.awaitExit(WAIT)).as("exit code of jul-app").isZero();
            assertThat(app.stdout()).contains(LeakyLines.DONE);
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("stdout", app.stdout());
            outputs.put("stderr (the ConsoleHandler made before the attach)", app.stderr());
            outputs.put("jul-simple.log (a FileHandler made before the attach)",
                    Files.readString(logDir.resolve("jul-simple.log"), StandardCharsets.UTF_8));
            outputs.put("jul-xml.log", Files.readString(logDir.resolve("jul-xml.log"), StandardCharsets.UTF_8));
            Map<String, String> secrets = secrets(auth);
            outputs.forEach((where, text) -> SecretForms.assertAbsent(where + " of jul-app", text, secrets));
            for (String where : List.of("stderr (the ConsoleHandler made before the attach)",
                    "jul-simple.log (a FileHandler made before the attach)")) {
                assertThat(outputs.get(where)).as(where).contains("LEAK token-plain: got access token [REDACTED",
                        "LEAK secret-plain: client " + auth.postClientId() + " uses secret [REDACTED");
            }
        }
    }

    private static Map<String, String> secrets(AuthServer auth) {
        List<String> echoed = origin.recorder().echoedAuthorizations();
        assertThat(echoed).as("Authorization values jul-app received (and logged)").isNotEmpty();
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < echoed.size(); i++) {
            secrets.put("access token #" + (i + 1), echoed.get(i).substring("Bearer ".length()).trim());
        }
        secrets.put("client secret", auth.postClientSecret());
        secrets.put("Basic value", SecretForms.basicValue(auth.postClientId(), auth.postClientSecret()));
        return secrets;
    }
}
