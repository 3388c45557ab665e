package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.FormPost;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.ResourceServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client secret rotated while an application under the agent keeps calling a protected API: the authorization
 * server is given the new secret (and refuses the old one from then on), then the secret file is replaced, as an
 * operator or a secret manager does. No request of the application fails, and the agent gets tokens with the new
 * secret without a restart. An edit of the properties file applies what can change live and names the rest.
 */
class SecretRotationIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String OLD = "rotation-old-" + UUID.randomUUID();
    private static final String NEW = "rotation-new-" + UUID.randomUUID();
    /** Long enough that the token held when the server rotates outlives the file watch's next look (5 s). */
    private static final Duration TOKEN_TTL = Duration.ofSeconds(30);
    private static final int REQUESTS = 400;

    @TempDir
    Path dir;

    @Test
    void swappingTheServersSecretAndThenTheSecretFileMidRunFailsNoRequest() throws Exception {
        try (AuthServer auth = AuthServer.builder().basicClientSecret(OLD).tokenTtl(TOKEN_TTL).start();
                ResourceServer api = ResourceServer.start(auth)) {
            Path secret = write(dir.resolve("client-secret"), OLD);
            Path config = config(auth, api, secret);
            try (JavaProcess app = startApp(config, api, REQUESTS)) {
                app.awaitLine("client 'api': token ", WAIT);
                long grantedBefore = granted(auth);

                assertThat(FormPost.to(auth.issuer().resolve("/__client-secret"))
                        .field("client_id", AuthServer.BASIC_CLIENT_ID).field("secret", NEW).send().statusCode())
                        .isEqualTo(204);
                write(secret, NEW);
                awaitMore(() -> granted(auth), grantedBefore, app);

                assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
                assertThat(app.stdout()).contains("DONE ok=" + REQUESTS + " failed=0");
                assertThat(app.stderr()).contains("client 'api': client-secret changed in file " + secret);
                String output = app.stdout() + app.stderr();
                assertThat(output).doesNotContain(OLD).doesNotContain(NEW).doesNotContain("eyJ");
            }
        }
    }

    @Test
    void editingThePropertiesFileMidRunAppliesScopesLiveAndNamesThePathsForARestart() throws Exception {
        try (AuthServer auth = AuthServer.builder().basicClientSecret(OLD).tokenTtl(TOKEN_TTL).start();
                ResourceServer api = ResourceServer.start(auth)) {
            Path secret = write(dir.resolve("client-secret"), OLD);
            Path config = config(auth, api, secret);
            try (JavaProcess app = startApp(config, api, 150)) {
                app.awaitLine("client 'api': token ", WAIT);
                long grantedBefore = granted(auth);

                String edited = Files.readString(config).replace("paths=/api", "paths=/api,/other")
                        + "oauth.agent.clients.api.scopes=read\n";
                write(config, edited.substring(0, edited.length() - 1));

                app.awaitLine("client 'api': applied scopes from the changed properties file " + config, WAIT);
                app.awaitLine("the properties file " + config + " changed oauth.agent.clients.api.paths, which apply "
                        + "only at start: restart to apply", WAIT);
                awaitMore(() -> granted(auth), grantedBefore, app);
                assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
                assertThat(app.stdout()).contains("DONE ok=150 failed=0");
                assertThat(app.stdout() + app.stderr()).doesNotContain(OLD).doesNotContain("eyJ");
            }
        }
    }

    /** The program under the agent, one request every 100 ms. */
    private static JavaProcess startApp(Path config, ResourceServer api, int requests) {
        return JavaProcess.builder("urlconnection-app")
                .jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .args("--url=" + api.helloUrl(), "--requests=" + requests, "--pause-ms=100")
                .start();
    }

    private static long granted(AuthServer auth) {
        return auth.tokenRequests(AuthServer.BASIC_CLIENT_ID, "client_credentials", 200);
    }

    /** Waits, while the application runs, until the server granted a token after the rotation. */
    private static void awaitMore(LongSupplier count, long before, JavaProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count.getAsLong() <= before) {
            assertThat(app.isAlive()).as("the application ended before a token with the new secret: "
                    + app.stdout() + app.stderr()).isTrue();
            assertThat(System.nanoTime() - deadline).as("no token with the new secret within " + WAIT).isNegative();
            Thread.sleep(200); // polling the server's counter for an event, not timing anything
        }
    }

    /** Written beside and moved into place, as a secret manager replaces a file: never seen half-written. */
    private static Path write(Path file, String value) throws IOException {
        Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), value + "\n");
        return Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path config(AuthServer auth, ResourceServer api, Path secret) throws IOException {
        String prefix = "oauth.agent.clients.api.";
        return Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                prefix + "token-url=" + auth.tokenUrl(),
                prefix + "client-id=" + AuthServer.BASIC_CLIENT_ID,
                prefix + "client-secret=${file:" + secret + "}",
                prefix + "hosts=127.0.0.1:" + api.url().getPort(),
                prefix + "paths=/api",
                prefix + "allow-http=true",
                ""));
    }
}
