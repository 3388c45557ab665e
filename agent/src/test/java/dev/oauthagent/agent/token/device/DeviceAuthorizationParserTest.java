package dev.oauthagent.agent.token.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.token.MalformedTokenResponseException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The device authorization response's numbers and names, as servers really send them. */
class DeviceAuthorizationParserTest {
    private final DeviceAuthorizationParser parser = new DeviceAuthorizationParser();

    private DeviceAuthorization parse(String json) throws MalformedTokenResponseException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aZeroOrNegativeIntervalMeansTheDefaultNotPollingWithoutPause() throws Exception {
        assertThat(parse(DeviceServer.deviceResponse(", \"interval\": 0")).intervalSeconds()).isEqualTo(5);
        assertThat(parse(DeviceServer.deviceResponse(", \"interval\": -3")).intervalSeconds()).isEqualTo(5);
        assertThat(parse(DeviceServer.deviceResponse(", \"interval\": null")).intervalSeconds()).isEqualTo(5);
    }

    @Test
    void fractionalSecondsRoundUpAndALifetimeIsAtMostADay() throws Exception {
        DeviceAuthorization a = parse(DeviceServer.deviceResponse(", \"interval\": 2.5").replace("600", "1e9"));

        assertThat(a.intervalSeconds()).isEqualTo(3);
        assertThat(a.expiresInSeconds()).isEqualTo(86_400);
    }

    @Test
    void googlesVerificationUrlIsReadWhenVerificationUriIsAbsent() throws Exception {
        DeviceAuthorization a = parse(DeviceServer.deviceResponse("").replace("\"verification_uri\"",
                "\"verification_url\""));

        assertThat(a.verificationUri()).isEqualTo("https://as.example/activate");
    }

    @Test
    void aFieldTwiceIsRefusedWithoutItsValue() {
        assertThatThrownBy(() -> parse(DeviceServer.deviceResponse(", \"device_code\": \"other\"")))
                .isInstanceOf(MalformedTokenResponseException.class)
                .hasMessage("the body has the field 'device_code' more than once");
    }
}
