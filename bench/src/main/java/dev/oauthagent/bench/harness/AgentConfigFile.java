package dev.oauthagent.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent configuration of the harnesses: one client, {@code bench}, whose token comes from the loopback
 * token endpoint and is attached to {@code http://127.0.0.1:<port>/api/...}. The secret is not in the file:
 * it is a {@code ${env:...}} reference that the child's environment satisfies, as in production.
 */
final class AgentConfigFile {
    static final String SECRET_ENV = "BENCH_CLIENT_SECRET";

    private AgentConfigFile() {
    }

    static Path write(Path dir, LoopbackServer server) throws IOException {
        String prefix = "oauth.agent.clients.bench.";
        String text = prefix + "token-url=" + server.tokenUrl() + "\n"
                + prefix + "client-id=" + LoopbackServer.CLIENT_ID + "\n"
                + prefix + "client-secret=${env:" + SECRET_ENV + "}\n"
                + prefix + "hosts=127.0.0.1:" + server.port() + "\n"
                + prefix + "paths=/api\n"
                + prefix + "allow-http=true\n";
        return Files.writeString(dir.resolve("agent.properties"), text);
    }
}
