package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.fixtures.SecretPrinter;
import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that prints the agent's real token, the client secret and the Basic credential to System.out and
 * System.err, in every form and split every way, shows none of them under the agent: with the fallback
 * patterns (the default) and with exact matching of the live secrets alone.
 */
class StdStreamsScrubIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void tokenSecretAndBasicCredentialNeverReachTheStandardStreams() throws IOException {
        assertNothingLeaks(run(""));
    }

    @Test
    void exactMatchingAloneKeepsThemOutWithTheFallbackPatternsOff() throws IOException {
        assertNothingLeaks(run("oauth.agent.scrub.patterns=false\n"));
    }

    private record Run(String output, String token) {
    }

    private Run run(String extraConfig) throws IOException {
        AuthServer auth = AuthServer.shared();
        int port = AgentApps.closedPort();
        Path tokenFile = dir.resolve("token.txt");
        String prefix = "oauth.agent.clients.api.";
        Path config = Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                prefix + "token-url=" + auth.tokenUrl(),
                prefix + "client-id=" + AuthServer.BASIC_CLIENT_ID,
                prefix + "client-secret=${env:" + AgentApps.SECRET_ENV + "}",
                prefix + "hosts=127.0.0.1:" + port,
                prefix + "paths=/api",
                prefix + "allow-http=true",
                extraConfig));
        try (JavaProcess app = JavaProcess.builder("secret-printer").mainClass(SecretPrinter.class)
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .env(AgentApps.SECRET_ENV, auth.basicClientSecret())
                .args(String.valueOf(port), tokenFile.toString(), AuthServer.BASIC_CLIENT_ID)
                .start()) {
            assertThat(app.awaitExit(WAIT)).as("exit code; stderr:\n%s", app.stderr()).isZero();
            String output = app.stdout() + app.stderr();
            assertThat(app.stdout()).contains("DONE");
            return new Run(output, Files.readString(tokenFile));
        }
    }

    private static void assertNothingLeaks(Run run) {
        String secret = AuthServer.shared().basicClientSecret();
        String basic = Base64.getEncoder().encodeToString((AuthServer.BASIC_CLIENT_ID + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(run.token()).hasSizeGreaterThan(20);
        for (String value : List.of(run.token(), secret, basic)) {
            assertThat(run.output()).doesNotContain(value).doesNotContain(URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .doesNotContain(value.replace("/", "\\/").replace("=", "\\u003d"));
        }
        assertThat(run.output()).doesNotContain(run.token().substring(0, 16))
                .contains("token raw [REDACTED]", "secret raw [REDACTED]", "basic raw [REDACTED]",
                        "split token [REDACTED]", "byte by byte [REDACTED] [REDACTED]",
                        "java.lang.IllegalStateException: request failed with token [REDACTED]");
    }
}
