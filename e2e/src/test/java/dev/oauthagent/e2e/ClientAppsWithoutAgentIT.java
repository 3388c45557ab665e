package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.OriginRecorder;
import dev.oauthagent.e2e.support.ResourceServer;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two "unmodified" apps, run without the agent: the protected API refuses them (the gap the agent
 * closes) and the other origin answers them, seeing no Authorization header.
 */
class ClientAppsWithoutAgentIT {
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern REQUEST_LINE = Pattern.compile("^REQUEST \\d+ status=");

    private static ResourceServer api;
    private static OriginRecorder recorder;

    @BeforeAll
    static void startServers() {
        recorder = OriginRecorder.start();
        api = ResourceServer.start(AuthServer.shared());
    }

    @AfterAll
    static void stopServers() {
        if (api != null) {
            api.close();
        }
        if (recorder != null) {
            recorder.close();
        }
    }

    @BeforeEach
    void forgetEarlierRequests() {
        recorder.reset();
    }

    @Test
    void urlConnectionAppGetsA401ForEachGetAndPostToTheProtectedApi() {
        long rejected = api.rejected();

        try (JavaProcess app = app("urlconnection-app", "--url=" + api.helloUrl(), "--requests=4",
                "--method=ALTERNATE")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).isEqualTo(1);
            assertThat(requestLines(app)).containsExactly(
                    "REQUEST 1 status=401 method=GET bytes=0",
                    "REQUEST 2 status=401 method=POST bytes=0",
                    "REQUEST 3 status=401 method=GET bytes=0",
                    "REQUEST 4 status=401 method=POST bytes=0");
            assertThat(app.stdout()).contains("DONE ok=0 failed=4");
        }
        assertThat(api.rejected()).isEqualTo(rejected + 4);
    }

    @Test
    void urlConnectionAppGets200FromTheOtherOriginWhichSeesNoAuthorizationHeader() {
        try (JavaProcess app = app("urlconnection-app", "--url=" + recorder.url().resolve("/legacy"),
                "--requests=3", "--pause-ms=20", "--method=ALTERNATE")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).isEqualTo(0);
            assertThat(requestLines(app)).hasSize(3).allMatch(line -> line.contains(" status=200 "));
            assertThat(app.stdout()).contains("DONE ok=3 failed=0");
        }
        assertThat(recorder.recorded()).containsExactly(
                "GET /legacy authorization=none", "POST /legacy authorization=none", "GET /legacy authorization=none");
    }

    @Test
    void urlConnectionAppTakesItsSettingsFromEnvironmentVariables() {
        try (JavaProcess app = JavaProcess.builder("urlconnection-app")
                .jar(E2ePaths.testApp("urlconnection-app"))
                .env("APP_URL", recorder.url().resolve("/from-env").toString())
                .env("APP_REQUESTS", "2")
                .env("APP_METHOD", "POST")
                .start()) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).isEqualTo(0);
            assertThat(app.stdout()).contains("DONE ok=2 failed=0");
        }
        assertThat(recorder.recorded()).containsExactly(
                "POST /from-env authorization=none", "POST /from-env authorization=none");
    }

    @Test
    void httpClientAppGetsA401ForEverySyncAndAsyncRequestToTheProtectedApi() {
        long rejected = api.rejected();

        try (JavaProcess app = app("httpclient-app", "--url=" + api.helloUrl(), "--requests=3", "--mode=BOTH",
                "--method=ALTERNATE")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).isEqualTo(1);
            List<String> lines = requestLines(app);
            assertThat(lines).hasSize(6).allMatch(line -> line.contains(" status=401 "));
            assertThat(lines).filteredOn(line -> line.contains(" mode=sync ")).hasSize(3);
            assertThat(lines).filteredOn(line -> line.contains(" mode=async ")).hasSize(3);
            assertThat(app.stdout()).contains("DONE ok=0 failed=6");
        }
        assertThat(api.rejected()).isEqualTo(rejected + 6);
    }

    @Test
    void httpClientAppAsyncBurstGets200FromTheOtherOriginWhichSeesNoAuthorizationHeader() {
        try (JavaProcess app = app("httpclient-app", "--url=" + recorder.url().resolve("/modern"),
                "--requests=10", "--mode=ASYNC")) {
            assertThat(app.awaitExit(RUN_TIMEOUT)).isEqualTo(0);
            assertThat(requestLines(app)).hasSize(10).allMatch(line -> line.contains(" status=200 "));
            assertThat(app.stdout()).contains("DONE ok=10 failed=0");
        }
        assertThat(recorder.recorded()).hasSize(10).containsOnly("GET /modern authorization=none");
    }

    @Test
    void appsRefuseUnknownOptionsWithExitCode2AndSayWhichOptionsExist() {
        for (String name : List.of("urlconnection-app", "httpclient-app")) {
            try (JavaProcess app = app(name, "--url=" + recorder.url(), "--reqests=3")) {
                assertThat(app.awaitExit(RUN_TIMEOUT)).as(name).isEqualTo(2);
                assertThat(app.stderr()).as(name).contains("unknown argument '--reqests=3'").contains("--requests");
            }
        }
        assertThat(recorder.recorded()).isEmpty();
    }

    private static JavaProcess app(String name, String... args) {
        return JavaProcess.builder(name).jar(E2ePaths.testApp(name)).args(args).start();
    }

    private static List<String> requestLines(JavaProcess app) {
        return app.stdout().lines().filter(line -> REQUEST_LINE.matcher(line).find()).toList();
    }
}
