package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.ApiPerClass;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.ForwardingProxy;
import dev.oauthagent.e2e.support.JavaProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unmodified program under the agent whose token requests to the real authorization server must go through a
 * proxy that demands credentials: the client's proxy key with credentials from the environment, the loopback
 * taken out of the JDK's default http.nonProxyHosts. The program's own requests go direct, with the token.
 */
class TokenRequestThroughProxyIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PROXY_USER = "agent-proxy";
    private static final String PROXY_PASSWORD = "e2e-Proxy-Password-never-printed";

    @RegisterExtension
    static final ApiPerClass apiPerClass = new ApiPerClass();

    @TempDir
    Path dir;


    private JavaProcess app(Path config, String proxyPassword) {
        return JavaProcess.builder("urlconnection-app-proxied")
                .jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .jvmArgs("-Dhttp.nonProxyHosts=none.invalid")
                .env(AgentApps.SECRET_ENV, AuthServer.shared().basicClientSecret())
                .env("PROXY_USER", PROXY_USER).env("PROXY_PASSWORD", proxyPassword)
                .args("--url=" + apiPerClass.server().helloUrl(), "--requests=2", "--method=GET")
                .start();
    }

    private Path config(ForwardingProxy proxy) throws IOException {
        Path config = AgentApps.apiClientConfig(dir, "127.0.0.1:" + apiPerClass.server().url().getPort(), "/api");
        String p = "oauth.agent.clients.api.";
        return Files.writeString(config, p + "proxy=" + proxy.url() + "\n" + p + "proxy-user=${env:PROXY_USER}\n"
                + p + "proxy-password=${env:PROXY_PASSWORD}\n" + p + "wait-timeout=10s\n", StandardOpenOption.APPEND);
    }

    private static void assertNoProxySecretIn(String output) {
        String basic = Base64.getEncoder()
                .encodeToString((PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(output).doesNotContain(PROXY_PASSWORD).doesNotContain(basic)
                .doesNotContain(AuthServer.shared().basicClientSecret());
    }

    @Test
    void theTokenIsFetchedThroughTheAuthenticatingProxyAndTheProgramsRequestsSucceed() throws IOException {
        long accepted = apiPerClass.server().accepted();
        try (ForwardingProxy proxy = new ForwardingProxy(PROXY_USER, PROXY_PASSWORD);
                JavaProcess app = app(config(proxy), PROXY_PASSWORD)) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE ok=2 failed=0");
            assertThat(proxy.seen()).isNotEmpty()
                    .allMatch(s -> s.equals("POST " + AuthServer.shared().tokenUrl() + " credentials=right"));
            assertNoProxySecretIn(app.stdout() + app.stderr());
        }
        assertThat(apiPerClass.server().accepted()).isEqualTo(accepted + 2);
    }

    @Test
    void wrongProxyCredentialsLeaveTheProgramWithoutTokenAndTheLogNamingTheProxyKeys() throws IOException {
        try (ForwardingProxy proxy = new ForwardingProxy(PROXY_USER, PROXY_PASSWORD);
                JavaProcess app = app(config(proxy), "not-the-" + PROXY_PASSWORD)) {
            app.awaitExit(WAIT);
            String output = app.stdout() + app.stderr();
            assertThat(output).as(output).contains("refused the proxy credentials (HTTP 407); check "
                    + "oauth.agent.clients.api.proxy-user and oauth.agent.clients.api.proxy-password (password from "
                    + "env var PROXY_PASSWORD)");
            assertThat(app.stdout()).contains("DONE ok=0 failed=2");
            assertThat(proxy.seen()).isNotEmpty().allMatch(s -> s.endsWith("credentials=wrong"));
            assertNoProxySecretIn(output);
            assertThat(output).doesNotContain("not-the-");
        }
    }
}
