package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An agent configuration with one {@code device_code} client of the auth server's public
 * {@link AuthServer#DEVICE_CLIENT_ID} ({@code client-auth=none}, scopes read and write, plain http allowed) and its
 * {@link TestTokenStore}; a test adds what else it needs ({@code hosts}, {@code fail-mode}...) as lines.
 */
public final class DeviceCodeConfig {
    private DeviceCodeConfig() {
    }

    /** The client's lines, each ending in a newline; {@code store} names the client. */
    public static String client(String clientName, AuthServer server, TestTokenStore store) {
        String prefix = "oauth.agent.clients." + clientName + ".";
        return prefix + "grant-type=device_code\n"
                + prefix + "token-url=" + server.tokenUrl() + "\n"
                + prefix + "device-authorization-url=" + server.deviceAuthorizationUrl() + "\n"
                + prefix + "client-id=" + AuthServer.DEVICE_CLIENT_ID + "\n"
                + prefix + "client-auth=none\n"
                + prefix + "scopes=read write\n"
                + prefix + "allow-http=true\n"
                + store.configLines();
    }

    /** {@code dir/agent.properties} with {@code lines}. */
    public static Path write(Path dir, String lines) {
        try {
            return Files.writeString(dir.resolve("agent.properties"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agent configuration in " + dir, e);
        }
    }
}
