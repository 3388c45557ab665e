package dev.oauthagent.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AgentApps;
import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.ResourceServer;
import dev.oauthagent.e2e.support.TestTls;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * java.net.http.HttpClient under -javaagent, in a real JVM (the one the build runs on: JDK 17 and Temurin 25 in
 * CI): send and sendAsync get through to a protected API that really validates the tokens; per hop, only an
 * origin a client matches gets that client's token (redirects under every policy); the application's own
 * header wins unless override-existing; a 401 invalid_token makes the agent fetch a new token and send the
 * request once more; fail-closed fails the request before it leaves the JVM.
 */
class HttpClientInjectionIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String APP_TOKEN = "app-own-token-31337";

    private static ResourceServer api;
    private static OriginRecorder recorder;
    private static OriginRecorder other;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        recorder = OriginRecorder.start();
        other = OriginRecorder.start();
        api = ResourceServer.startWithH2c(AuthServer.shared());
    }

    @AfterAll
    static void stopServers() {
        for (AutoCloseable server : new AutoCloseable[] {api, recorder, other}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        recorder.reset();
        recorder.rejectNext(0);
        other.reset();
    }

    @Test
    void sendAndSendAsyncGetAndPostToTheProtectedApiOverHttp2SucceedAndNoSecretOrTokenIsPrinted() throws IOException {
        AuthServer auth = AuthServer.shared();
        long accepted = api.accepted();
        Path config = config(client("api", api.url().getPort(), "/api"));

        // GET /api/hello, then POST /api/echo, first with send, then with sendAsync. The API speaks h2c: the first
        // GET is upgraded from HTTP/1.1, the rest (POSTs included) are HTTP/2 streams of that connection.
        try (JavaProcess app = app(config, "--url=" + api.helloUrl(), "--url=" + api.echoUrl(),
                "--method=ALTERNATE", "--mode=BOTH")) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE ok=4 failed=0").contains("mode=sync").contains("mode=async");
            assertThat(app.stdout().lines().filter(line -> line.startsWith("REQUEST")))
                    .hasSize(4).allSatisfy(line -> assertThat(line).contains(" version=HTTP_2 "));
            assertThat(app.stdout() + app.stderr()).doesNotContain(auth.basicClientSecret()).doesNotContain("eyJ")
                    .doesNotContain("WARNING").doesNotContain("Exception");
        }
        assertThat(api.accepted()).isEqualTo(accepted + 4);
    }

    @Test
    void overHttpsTheProtectedApiNegotiatesHttp2AndAcceptsTheAgentsTokenOnEveryStream() throws IOException {
        TestTls tls = TestTls.get();
        try (ResourceServer secureApi = ResourceServer.startWithHttp2OverTls(AuthServer.shared(), tls)) {
            Path config = config(client("api", secureApi.url().getPort(), "/api"));

            try (JavaProcess app = JavaProcess.builder("httpclient-app-tls")
                    .jar(E2ePaths.testApp("httpclient-app"))
                    .javaAgent(E2ePaths.agentJar(), "config=" + config)
                    .jvmArgs(tls.trustStoreJvmArgs().toArray(String[]::new))
                    .env("API_CLIENT_SECRET", AuthServer.shared().basicClientSecret())
                    .args("--url=" + secureApi.helloUrl(), "--url=" + secureApi.echoUrl(), "--method=ALTERNATE",
                            "--mode=BOTH")
                    .start()) {
                assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
                assertThat(app.stdout().lines().filter(line -> line.startsWith("REQUEST")))
                        .hasSize(4).allSatisfy(line -> assertThat(line).contains(" status=200 ")
                                .contains(" version=HTTP_2 "));
            }
        }
    }

    @Test
    void anOriginNoClientMatchesGetsNoAuthorizationHeader() throws IOException {
        Path config = config(client("api", recorder.port(), "/api"));

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/public/x"), "--method=ALTERNATE",
                "--requests=1", "--mode=BOTH")) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
        }
        assertThat(recorder.recorded()).containsExactlyInAnyOrder(
                "GET /public/x authorization=none", "POST /public/x authorization=none");
    }

    @Test
    void theApplicationsOwnAuthorizationHeaderIsSentUnchanged() throws IOException {
        Path config = config(client("api", recorder.port(), "/api"));

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/x"), "--mode=BOTH",
                "--header=Authorization: Bearer " + APP_TOKEN)) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
        }
        String appHeader = OriginRecorder.describeAuthorization("Bearer", APP_TOKEN);
        assertThat(recorder.recorded()).containsExactly(
                "GET /api/x authorization=" + appHeader, "GET /api/x authorization=" + appHeader);
    }

    @Test
    void withOverrideExistingTheAgentsTokenReplacesTheApplicationsHeaderAndOnlyOneIsSent() throws IOException {
        Path config = config(client("api", recorder.port(), "/api") + "oauth.agent.clients.api.override-existing=true\n");

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/x"), "--mode=BOTH",
                "--header=authorization: Bearer " + APP_TOKEN)) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
        }
        List<String> recorded = recorder.recorded();
        assertThat(recorded).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("GET /api/x authorization=Bearer fp=")
                .doesNotContain(OriginRecorder.describeAuthorization("Bearer", APP_TOKEN)));
    }

    @ParameterizedTest(name = "Redirect.{0}")
    @ValueSource(strings = {"NORMAL", "ALWAYS"})
    void aRedirectToAnOriginNoClientMatchesCarriesNoToken(String policy) throws IOException {
        Path config = config(client("api", recorder.port(), "/"));
        URI redirect = recorder.redirectUrl(302, other.url().resolve("/landing").toString());

        try (JavaProcess app = app(config, "--url=" + redirect, "--mode=BOTH", "--redirect=" + policy)) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
        }
        assertThat(recorder.recorded()).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("authorization=Bearer fp="));
        assertThat(other.recorded()).containsExactly(
                "GET /landing authorization=none", "GET /landing authorization=none");
    }

    @Test
    void aRedirectToAnOriginAnotherClientMatchesCarriesThatClientsToken() throws IOException {
        Path config = config(client("first", recorder.port(), "/"), client("second", other.port(), "/"));
        URI redirect = recorder.redirectUrl(307, other.url().resolve("/landing").toString());

        try (JavaProcess app = app(config, "--url=" + redirect, "--method=POST")) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
        }
        String first = authorizationOf(recorder.recorded());
        String second = authorizationOf(other.recorded());
        assertThat(first).startsWith("Bearer fp=");
        assertThat(second).startsWith("Bearer fp=").isNotEqualTo(first);
    }

    @Test
    void withRedirectNeverTheRedirectIsHandedToTheApplicationAndNothingFollows() throws IOException {
        Path config = config(client("api", recorder.port(), "/"));
        URI redirect = recorder.redirectUrl(302, other.url().resolve("/landing").toString());

        try (JavaProcess app = app(config, "--url=" + redirect, "--redirect=NEVER")) {
            assertThat(app.awaitExit(WAIT)).isEqualTo(1);
            assertThat(app.stdout()).contains("status=302");
        }
        assertThat(authorizationOf(recorder.recorded())).startsWith("Bearer fp=");
        assertThat(other.recorded()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "POST"})
    void a401InvalidTokenDropsTheTokenAndTheRequestIsSentOnceMoreWithANewOne(String method) throws IOException {
        Path config = config(client("api", recorder.port(), "/api"));
        recorder.rejectNext(1);

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/x"), "--method=" + method)) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).as("the recorder ignores the h2c offer").contains(" version=HTTP_1_1 ");
            assertThat(app.stderr()).contains("rejected token").contains("invalid_token");
        }
        List<String> recorded = recorder.recorded();
        assertThat(recorded).hasSize(2);
        assertThat(authorizationOf(recorded.subList(0, 1))).startsWith("Bearer fp=")
                .isNotEqualTo(authorizationOf(recorded.subList(1, 2)));
        assertThat(recorded.get(1)).startsWith(method + " /api/x authorization=Bearer fp=");
    }

    @Test
    void a401InvalidTokenAgainAfterTheResendIsHandedToTheApplication() throws IOException {
        Path config = config(client("api", recorder.port(), "/api"));
        recorder.rejectNext(2);

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/x"))) {
            assertThat(app.awaitExit(WAIT)).isEqualTo(1);
            assertThat(app.stdout()).contains("status=401");
        }
        assertThat(recorder.recorded()).hasSize(2);
    }

    @Test
    void a401InvalidTokenToABodyTheJdkCannotReplayIsHandedToTheApplicationAndTheNextRequestGetsANewToken()
            throws IOException {
        Path config = config(client("api", recorder.port(), "/api"));
        recorder.rejectNext(1);

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/x"), "--method=POST",
                "--body=STREAM", "--requests=2")) {
            assertThat(app.awaitExit(WAIT)).isEqualTo(1);
            assertThat(app.stdout()).contains("REQUEST 1 status=401").contains("REQUEST 2 status=200")
                    .contains("DONE ok=1 failed=1");
        }
        List<String> recorded = recorder.recorded();
        assertThat(recorded).as("no resend of the streamed body").hasSize(2);
        assertThat(authorizationOf(recorded.subList(0, 1))).startsWith("Bearer fp=")
                .isNotEqualTo(authorizationOf(recorded.subList(1, 2)));
        assertThat(recorded.get(1)).startsWith("POST /api/x authorization=Bearer fp=");
    }

    @Test
    void theJdkAuthenticatorsBasicAnswerToABasicChallengeWinsOverTheAgentsToken() throws IOException {
        Path config = config(client("api", recorder.port(), "/basic"));

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/basic/x"),
                "--basic-auth=legacy-user:legacy-password")) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout()).isZero();
        }
        List<String> recorded = recorder.recorded();
        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0)).startsWith("GET /basic/x authorization=Bearer fp=");
        assertThat(recorded.get(1)).as("the Authenticator's retry: its own header, not the agent's")
                .isEqualTo("GET /basic/x authorization=" + OriginRecorder.describeAuthorization("Basic",
                        Base64.getEncoder().encodeToString("legacy-user:legacy-password".getBytes(UTF_8))));
    }

    @Test
    void failClosedWithoutATokenFailsSendAndSendAsyncBeforeAnythingLeavesTheJvm() throws IOException {
        Path config = config(client("api", recorder.port(), "/api")
                .replace(AuthServer.shared().tokenUrl().toString(), "http://127.0.0.1:" + AgentApps.closedPort() + "/oauth2/token")
                + "oauth.agent.clients.api.wait-timeout=2s\n");

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/orders"), "--mode=BOTH",
                "--method=ALTERNATE")) {
            assertThat(app.awaitExit(WAIT)).isEqualTo(1);
            assertThat(app.stdout()).contains("DONE ok=0 failed=2");
            assertThat(app.stdout().lines().filter(line -> line.startsWith("REQUEST")))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line)
                            .contains("error=java.io.IOException: oauth-agent: no token for client 'api'"));
        }
        assertThat(recorder.recorded()).isEmpty();
    }

    @Test
    void failOpenWithoutATokenSendsTheRequestWithoutAnAuthorizationHeader() throws IOException {
        Path config = config(client("api", recorder.port(), "/api")
                .replace(AuthServer.shared().tokenUrl().toString(), "http://127.0.0.1:" + AgentApps.closedPort() + "/oauth2/token")
                + "oauth.agent.clients.api.wait-timeout=1s\noauth.agent.clients.api.fail-mode=open\n");

        try (JavaProcess app = app(config, "--url=" + recorder.url().resolve("/api/orders"), "--mode=BOTH")) {
            assertThat(app.awaitExit(WAIT)).as(app.stderr()).isZero();
        }
        assertThat(recorder.recorded()).containsExactly(
                "GET /api/orders authorization=none", "GET /api/orders authorization=none");
    }

    private static String client(String name, int port, String path) {
        String prefix = "oauth.agent.clients." + name + ".";
        return String.join("\n",
                prefix + "token-url=" + AuthServer.shared().tokenUrl(),
                prefix + "client-id=" + AuthServer.BASIC_CLIENT_ID,
                prefix + "client-secret=${env:API_CLIENT_SECRET}",
                prefix + "hosts=127.0.0.1:" + port,
                prefix + "paths=" + path,
                prefix + "allow-http=true",
                "");
    }

    private Path config(String... clients) throws IOException {
        return Files.writeString(dir.resolve("agent.properties"), String.join("", clients));
    }

    /** The one Authorization value (e.g. "Bearer fp=1a2b3c4d") all the recorded requests carried. */
    private static String authorizationOf(List<String> recorded) {
        List<String> values = new ArrayList<>();
        for (String line : recorded) {
            values.add(line.substring(line.indexOf("authorization=") + "authorization=".length()));
        }
        assertThat(values).as(recorded.toString()).isNotEmpty().containsOnly(values.get(0));
        return values.get(0);
    }

    private static JavaProcess app(Path config, String... args) {
        return AgentApps.start("httpclient-app", config, args);
    }

}
