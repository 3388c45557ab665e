package dev.oauthagent.agent.token.device;

import static dev.oauthagent.agent.token.store.StoreFixture.assertNoSecret;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.TestClients;
import dev.oauthagent.agent.token.TokenEndpointClient;
import dev.oauthagent.agent.token.auth.ClientAuthentication;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A device flow for client 'billing' against a {@link DeviceServer}, on fake time, printing to a buffer. */
final class DeviceFlowFixture {
    final FakeTime time = new FakeTime();
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    DeviceFlow flow(DeviceServer server, boolean terminal) {
        return flow(TestClients.billing(server.tokenUrl()).build(), server.deviceUrl(), terminal);
    }

    DeviceFlow flow(ClientConfig client, URI deviceUrl, boolean terminal) {
        return new DeviceFlow(client, deviceUrl, ClientAuthentication.forClient(client), new TokenEndpointClient(client),
                new PrintStream(printed, true, StandardCharsets.UTF_8), terminal, time, time);
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Neither the device code nor a token, nor a 12-character piece of one, is in {@code text}. */
    static void assertNoCredentialIn(String text) {
        assertNoSecret(text, DeviceServer.DEVICE_CODE, DeviceServer.ACCESS_TOKEN, DeviceServer.REFRESH_TOKEN,
                TestClients.SECRET);
    }
}
