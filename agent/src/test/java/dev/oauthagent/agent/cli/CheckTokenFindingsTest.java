package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.FaultyTokenServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} prints what the fetched token's claims and the server's Date header say under the client's OK
 * line, each problem with its fix, and fails on a FAIL finding. The token server is a raw socket: a JDK
 * HttpServer would write its own Date header.
 */
class CheckTokenFindingsTest {
    private static final String SECRET = "check-findings-secret-0077";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aMissingAudienceAndAServerDateTenMinutesAheadAreEachReportedWithTheirFix() throws IOException {
        long now = Instant.now().getEpochSecond();
        String token = jwt("{\"iss\":\"http://127.0.0.1\",\"aud\":\"api\",\"scope\":\"read\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plus(Duration.ofMinutes(10)).atZone(ZoneOffset.UTC));
        String body = "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}";
        String response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: " + date
                + "\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;

        try (FaultyTokenServer server = FaultyTokenServer.slowDrip(response, "", Duration.ofMillis(1))) {
            int exit = check("oauth.agent.clients.orders.token-url=" + server.tokenUrl(),
                    "oauth.agent.clients.orders.audience=orders-api");

            assertThat(exit).as(out() + err()).isEqualTo(Cli.EXIT_FAILED);
        }
        assertThat(out()).contains("client 'orders': FAILED  the token has audience 'api', without 'orders-api'",
                "  ok    token-fetched: token_type=Bearer", "  ok    token-issuer: ",
                "  fail  clock-skew: this machine's clock is ", " s behind the authorization server's (by its Date",
                "        fix: synchronise this machine's clock", "1 of 1 client(s) FAILED");
        assertThat(out() + err()).doesNotContain(token).doesNotContain(token.split("\\.")[1]).doesNotContain(SECRET);
    }

    private int check(String... lines) throws IOException {
        Path config = Files.writeString(dir.resolve("agent.properties"), String.join("\n", lines) + "\n"
                + String.join("\n",
                "oauth.agent.clients.orders.client-id=orders-client",
                "oauth.agent.clients.orders.client-secret=${env:ORDERS_SECRET}",
                "oauth.agent.clients.orders.hosts=orders.example.internal",
                "oauth.agent.clients.orders.allow-http=true", ""));
        return Cli.run(new String[] {"check", "--config", config.toString()},
                new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of("ORDERS_SECRET", SECRET)));
    }

    private static String jwt(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
