package dev.oauthagent.agent.token.device;

import static dev.oauthagent.agent.token.device.DeviceFlowFixture.assertNoCredentialIn;
import static dev.oauthagent.agent.token.device.DeviceServer.error;
import static dev.oauthagent.agent.token.device.DeviceServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.FaultyTokenServer.Reply;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the person sees: the instructions, then the progress, on a terminal or in a plain log. */
class DeviceProgressTest {
    private static final String NL = System.lineSeparator();

    private final DeviceFlowFixture fixture = new DeviceFlowFixture();
    private final DeviceServer server;

    DeviceProgressTest() throws Exception {
        server = new DeviceServer(fixture.time);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** What was printed after the instructions. */
    private String progress() {
        String end = "(minutes:seconds)." + NL;
        String printed = fixture.printed();
        return printed.substring(printed.indexOf(end) + end.length());
    }

    private static Reply[] pending(int n) {
        Reply[] replies = new Reply[n];
        Arrays.fill(replies, error("authorization_pending"));
        return replies;
    }

    @Test
    void instructionsNameTheAddressTheCodeTheCompleteLinkAndTheTimeLeft() throws Exception {
        server.polls(token());

        fixture.flow(server, false).login();

        assertThat(fixture.printed()).startsWith("oauth-agent: client 'billing' needs you to sign in." + NL
                + "  Open https://as.example/activate" + NL
                + "  and enter the code WDJB-MJHT" + NL
                + "  (or open https://as.example/activate?user_code=WDJB-MJHT)" + NL
                + "  The code is valid for 10:00 (minutes:seconds)." + NL);
        assertNoCredentialIn(fixture.printed());
    }

    @Test
    void withoutACompleteLinkThatLineIsLeftOut() throws Exception {
        server.device(Reply.json(200, DeviceServer.deviceResponse("")
                .replaceAll("\"verification_uri_complete\":\"[^\"]*\",", ""))).polls(token());

        fixture.flow(server, false).login();

        assertThat(fixture.printed()).doesNotContain("or open").contains("and enter the code WDJB-MJHT");
    }

    @Test
    void withoutATerminalEachStateIsOneLineHoweverManyPolls() throws Exception {
        server.polls(pending(20)).polls(error("slow_down")).polls(pending(5)).polls(token());

        fixture.flow(server, false).login();

        assertThat(progress()).doesNotContain("\r");
        assertThat(progress().lines().collect(Collectors.toList())).containsExactly(
                "  waiting for you to sign in, checking every 5 s (10:00 left)",
                "  waiting for you to sign in, checking every 10 s (the server asked to slow down) (8:15 left)",
                "  signed in");
    }

    @Test
    void withoutATerminalARetryStreakIsOneLineAndWaitingAgainAnother() throws Exception {
        Reply failing = Reply.json(503, "{}");
        server.polls(failing, failing, failing, error("authorization_pending"), token());

        fixture.flow(server, false).login();

        assertThat(progress().lines().collect(Collectors.toList())).containsExactly(
                "  waiting for you to sign in, checking every 5 s (10:00 left)",
                "  cannot reach the authorization server, retrying (9:55 left)",
                "  waiting for you to sign in, checking every 5 s (8:45 left)",
                "  signed in");
    }

    @Test
    void onATerminalOneLineCountsDownInPlaceAndEndsWithTheOutcome() throws Exception {
        server.polls(error("authorization_pending"), token());

        fixture.flow(server, true).login();

        String progress = progress();
        String longest = "  9:51 left: waiting for you to sign in, checking every 5 s";
        assertThat(progress).startsWith("\r  10:00 left: waiting for you to sign in, checking every 5 s\r  9:59 left:");
        assertThat(progress).contains("\r  9:51 left: waiting for you to sign in, checking every 5 s");
        assertThat(progress).endsWith("\r  signed in" + " ".repeat(longest.length() - "  signed in".length()) + NL);
        assertThat(progress.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void timeLeftReadsLikeACountdown() {
        assertThat(TimeLeft.format(0)).isEqualTo("0:00");
        assertThat(TimeLeft.format(65)).isEqualTo("1:05");
        assertThat(TimeLeft.format(600)).isEqualTo("10:00");
        assertThat(TimeLeft.format(3725)).isEqualTo("1:02:05");
        assertThat(TimeLeft.format(-3)).isEqualTo("0:00");
    }
}
