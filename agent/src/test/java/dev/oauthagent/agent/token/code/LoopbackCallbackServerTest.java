package dev.oauthagent.agent.token.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.ServerTextSanitizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listener alone: where it listens, what it takes as the answer, and that it is gone when closed. */
class LoopbackCallbackServerTest {
    private final CallbackState state = CallbackState.generate(new SecureRandom());
    private final CodeFlowMessages messages = new CodeFlowMessages(ClientConfig.builder("desktop")
            .tokenUrl(URI.create("https://as.example/token")).clientId("desktop-app").build());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final TestBrowser browser = TestBrowser.idle();

    private LoopbackCallbackServer start(String redirect) throws Exception {
        return LoopbackCallbackServer.start(LoopbackRedirectUri.parse(redirect, messages), state,
                ServerTextSanitizer.forClient(dev.oauthagent.agent.token.TestClients.billing()), messages, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static URI callback(LoopbackCallbackServer server, String query) {
        return URI.create("http://127.0.0.1:" + server.port() + "/cb?" + query);
    }

    @Test
    void listensOnTheLoopbackAddressOnlyAndNotOnTheMachinesOtherAddresses() throws Exception {
        InetAddress other = nonLoopbackAddress();
        try (LoopbackCallbackServer server = start("http://127.0.0.1:0/cb")) {
            assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.address().getAddress().isAnyLocalAddress()).isFalse();
            assumeTrue(other != null, "this machine has no non-loopback IPv4 address to try");
            assertThatThrownBy(() -> connect(new InetSocketAddress(other, server.port())))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void ipv6LoopbackRedirectListensOnIpv6Loopback() throws Exception {
        try (LoopbackCallbackServer server = start("http://[::1]:0/cb")) {
            assertThat(server.address().getAddress().getHostAddress()).isIn("0:0:0:0:0:0:0:1", "::1");
        } catch (dev.oauthagent.agent.token.TokenFetchException e) {
            assumeTrue(false, "no IPv6 on this machine: " + e.getMessage());
        }
    }

    @Test
    void portIsFreeOnceClosed() throws Exception {
        LoopbackCallbackServer server = start("http://127.0.0.1:0/cb");
        int port = server.port();
        connect(new InetSocketAddress("127.0.0.1", port));

        server.close();

        assertThatThrownBy(() -> connect(new InetSocketAddress("127.0.0.1", port))).isInstanceOf(ConnectException.class);
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> openAsync(URI uri) {
        return browser.http.sendAsync(java.net.http.HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstAnswerWithTheRightStateWinsAndLaterOnesAreToldTheLoginIsFinished() throws Exception {
        try (LoopbackCallbackServer server = start("http://127.0.0.1:0/cb")) {
            java.util.concurrent.CompletableFuture<HttpResponse<String>> first =
                    openAsync(callback(server, "code=c1&state=" + state.value()));

            AuthorizationResponse answer = server.await(Duration.ofSeconds(5));
            assertThat(answer.code()).isEqualTo("c1");
            server.finish(CallbackPage.loggedIn("desktop"));
            HttpResponse<String> second = browser.get(callback(server, "code=c2&state=" + state.value()));

            assertThat(first.get(5, java.util.concurrent.TimeUnit.SECONDS).body()).contains("Login worked")
                    .doesNotContain("c1");
            assertThat(second.body()).contains("Login already finished");
            assertThat(server.await(Duration.ofMillis(1))).isNull();
        }
    }

    @Test
    void browserWaitsForTheFlowsVerdictOnTheCodeAndShowsIt() throws Exception {
        try (LoopbackCallbackServer server = start("http://127.0.0.1:0/cb")) {
            java.util.concurrent.CompletableFuture<HttpResponse<String>> page =
                    openAsync(callback(server, "code=c&state=" + state.value()));
            assertThat(server.await(Duration.ofSeconds(5))).isNotNull();
            assertThat(page).isNotDone();

            server.finish(CallbackPage.failed("desktop", "the code was not redeemed"));

            HttpResponse<String> shown = page.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(shown.statusCode()).isEqualTo(400);
            assertThat(shown.body()).contains("Login did not work").contains("the code was not redeemed");
        }
    }

    /** The flow closes the listener as soon as it has its verdict: the page must be out by then. */
    @Test
    void browserHasTheWholePageByTheTimeTheListenerCloses() throws Exception {
        for (int i = 0; i < 20; i++) {
            LoopbackCallbackServer server = start("http://127.0.0.1:0/cb");
            java.util.concurrent.CompletableFuture<HttpResponse<String>> page =
                    openAsync(callback(server, "code=c&state=" + state.value()));
            try {
                assertThat(server.await(Duration.ofSeconds(5))).isNotNull();
                server.finish(CallbackPage.loggedIn("desktop"));
            } finally {
                server.close();
            }
            assertThat(page.get(5, java.util.concurrent.TimeUnit.SECONDS).body()).as("run " + i)
                    .contains("Login worked");
        }
    }

    @Test
    void closingWithoutAVerdictTellsTheWaitingBrowserToLookAtTheTerminal() throws Exception {
        LoopbackCallbackServer server = start("http://127.0.0.1:0/cb");
        java.util.concurrent.CompletableFuture<HttpResponse<String>> page =
                openAsync(callback(server, "code=c&state=" + state.value()));
        assertThat(server.await(Duration.ofSeconds(5))).isNotNull();

        server.close();

        assertThat(page.get(5, java.util.concurrent.TimeUnit.SECONDS).body()).contains("Login received")
                .contains("the terminal where the login runs says whether it worked");
    }

    @Test
    void aCodeSentTwiceIsNotAGuessButAFailedLogin() throws Exception {
        try (LoopbackCallbackServer server = start("http://127.0.0.1:0/cb")) {
            HttpResponse<String> page = browser.get(callback(server, "code=a&code=b&state=" + state.value()));

            AuthorizationResponse answer = server.await(Duration.ofSeconds(5));
            assertThat(answer.isCode()).isFalse();
            assertThat(answer.describeError()).isEqualTo("no code (the redirect carried neither one code nor an error)");
            assertThat(page.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void stateSentTwiceOrNotUrlEncodedIsRefusedAndTheWaitGoesOn() throws Exception {
        try (LoopbackCallbackServer server = start("http://127.0.0.1:0/cb")) {
            HttpResponse<String> twice = browser.get(callback(server, "code=a&state=" + state.value() + "&state="
                    + state.value()));
            String malformed = rawGet(server.port(), "/cb?code=a&state=%zz");

            assertThat(twice.statusCode()).isEqualTo(400);
            assertThat(malformed).startsWith("HTTP/1.1 400");
            assertThat(server.await(Duration.ofMillis(1))).isNull();
        }
    }

    /** A request java.net.http would refuse to send. */
    private static String rawGet(int port, String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static void connect(InetSocketAddress address) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5000);
        }
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }
}
