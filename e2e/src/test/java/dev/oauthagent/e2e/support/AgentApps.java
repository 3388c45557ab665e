package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test apps started under the agent with a configuration file, and other small things agent tests share. */
public final class AgentApps {
    /** The env var the tests' configuration files take the shared auth server's basic client secret from. */
    public static final String SECRET_ENV = "API_CLIENT_SECRET";

    private AgentApps() {
    }

    /** {@code test-apps/<appName>} under {@code -javaagent:...=config=<config>}, the secret in {@link #SECRET_ENV}. */
    public static JavaProcess start(String appName, Path config, String... args) {
        return JavaProcess.builder(appName)
                .jar(E2ePaths.testApp(appName))
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .env(SECRET_ENV, AuthServer.shared().basicClientSecret())
                .args(args)
                .start();
    }

    /**
     * {@code dir/agent.properties} with one client, {@code api}, of the shared auth server (its secret from
     * {@link #SECRET_ENV}) for {@code host} under {@code path}, plain http allowed.
     */
    public static Path apiClientConfig(Path dir, String host, String path) {
        String prefix = "oauth.agent.clients.api.";
        try {
            return Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                    prefix + "token-url=" + AuthServer.shared().tokenUrl(),
                    prefix + "client-id=" + AuthServer.BASIC_CLIENT_ID,
                    prefix + "client-secret=${env:" + SECRET_ENV + "}",
                    prefix + "hosts=" + host,
                    prefix + "paths=" + path,
                    prefix + "allow-http=true",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the agent configuration in " + dir, e);
        }
    }

    /** A port of 127.0.0.1 that nothing listens on (free a moment ago; refused connections, not timeouts). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }
}
