package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} of the shipped jar reads the claims of the tokens it fetched: against the real authorization
 * server (shared), a configured audience the token lacks fails with its fix and a healthy client's claims are all
 * OK; against a token server whose Date header runs 10 minutes ahead, the clock skew fails with the NTP fix.
 * Nothing secret is printed: no secret, no token.
 */
class DoctorClaimsIT {
    private static final Duration EXIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aConfiguredAudienceTheTokenLacksFailsWithItsFixWhileAHealthyClientIsOk() throws IOException {
        AuthServer server = AuthServer.shared();
        Path config = Files.writeString(dir.resolve("agent.properties"),
                client("healthy", server.tokenUrl().toString(), server.basicClientId(), server.audience())
                        + client("orders", server.tokenUrl().toString(), server.basicClientId(), "orders-api"));

        try (JavaProcess cli = check(config).env("CLIENT_SECRET", server.basicClientSecret()).start()) {
            assertThat(cli.awaitExit(EXIT)).as(cli.stdout() + cli.stderr()).isEqualTo(1);
            String healthy = section(cli.stdout(), "healthy");
            assertThat(healthy).contains("  ok    token-claims: JWT", "without verifying its signature",
                    "  ok    token-issuer: issued by '" + server.issuer() + "'",
                    "  ok    token-audience: the token has audience '" + server.audience() + "', as configured",
                    "  ok    token-scope: the token has scope 'read'", "  ok    token-expiry: ", "  ok    clock: ")
                    .doesNotContain("warn", "fail");
            assertThat(section(cli.stdout(), "orders")).contains("client 'orders': FAILED  the token has"
                    + " audience '" + server.audience() + "', without 'orders-api' configured in"
                    + " oauth.agent.clients.orders.audience", "        fix: an API that expects 'orders-api' refuses");
            assertThat(cli.stdout()).contains("1 of 2 client(s) FAILED");
            assertThat(cli.stdout() + cli.stderr()).doesNotContain(server.basicClientSecret()).doesNotContain("eyJ");
        }
    }

    @Test
    void aServerDateTenMinutesAheadIsReportedAsClockSkew() throws IOException {
        long now = Instant.now().getEpochSecond();
        String token = jwt("{\"iss\":\"http://127.0.0.1\",\"aud\":\"api\",\"scope\":\"read\",\"exp\":" + (now + 300)
                + "}");
        String secret = "dated-" + UUID.randomUUID();
        try (DatedTokenServer server = new DatedTokenServer(token, Duration.ofMinutes(10))) {
            Path config = Files.writeString(dir.resolve("agent.properties"),
                    client("dated", server.tokenUrl(), "dated-client", "api"));

            try (JavaProcess cli = check(config).env("CLIENT_SECRET", secret).start()) {
                assertThat(cli.awaitExit(EXIT)).as(cli.stdout() + cli.stderr()).isEqualTo(1);
                assertThat(section(cli.stdout(), "dated")).containsPattern("client 'dated': FAILED  this machine's clock"
                        + " is 5\\d\\d s behind the authorization server's \\(by its Date header")
                        .contains("        fix: synchronise this machine's clock", "NTP");
                assertThat(cli.stdout() + cli.stderr()).doesNotContain(secret).doesNotContain(token)
                        .doesNotContain(token.split("\\.")[1]);
            }
        }
    }

    private static dev.oauthagent.e2e.support.JavaProcessBuilder check(Path config) {
        return JavaProcess.builder("cli-doctor-claims").jar(E2ePaths.agentJar())
                .args("check", "--config", config.toString());
    }

    private static String client(String name, String tokenUrl, String clientId, String audience) {
        String p = "oauth.agent.clients." + name + ".";
        return p + "token-url=" + tokenUrl + "\n" + p + "client-id=" + clientId + "\n"
                + p + "client-secret=${env:CLIENT_SECRET}\n" + p + "scopes=read\n" + p + "audience=" + audience + "\n"
                + p + "hosts=" + name + ".example.internal\n" + p + "allow-http=true\n";
    }

    /** The lines of one client, from its "client 'name':" line to the next client's or the total. */
    private static String section(String out, String name) {
        int start = out.indexOf("client '" + name + "': ");
        assertThat(start).as(out).isNotNegative();
        int end = out.indexOf("\nclient '", start + 1);
        int total = out.indexOf(" client(s) ", start);
        return out.substring(start, end < 0 || (total >= 0 && total < end) ? out.length() : end);
    }

    private static String jwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /**
     * A token endpoint on a raw socket that grants {@code token} with a Date header {@code ahead} of the real
     * time (a JDK HttpServer would write its own). Answers one request per connection; stops when closed.
     */
    private static final class DatedTokenServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final String token;
        private final Duration ahead;
        private final Thread acceptor = new Thread(this::serve, "dated-token-server");

        DatedTokenServer(String token, Duration ahead) throws IOException {
            this.token = token;
            this.ahead = ahead;
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String tokenUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/oauth2/token";
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    connection.setSoTimeout(10_000);
                    readRequest(connection.getInputStream());
                    String body = "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}";
                    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.now().plus(ahead).atZone(ZoneOffset.UTC));
                    OutputStream out = connection.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: " + date
                            + "\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // closed, or the client gave up: the next accept tells which
                }
            }
        }

        /** Reads the head and the Content-Length body, so closing does not reset a request half read. */
        private static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            String lower = head.toString().toLowerCase(Locale.ROOT);
            int at = lower.indexOf("content-length:");
            long length = at < 0 ? 0 : Long.parseLong(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
            in.readNBytes((int) length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
