package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and {@code config} say about a configuration what the agent would say at start: the same
 * problems, which clients would not run, and an exit status that is not 0 while any client is broken. No
 * token endpoint is reached here (a client with a problem is not asked for a token); fetching is proven end
 * to end by AgentCliIT.
 */
class ConfigCommandsTest {
    private static final String SECRET = "cli-test-secret-that-must-not-print";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> sysprops = new HashMap<>();

    @Test
    void checkWithAMissingConfigFileNamesTheFileAndTheOptionItCameFrom() {
        Path missing = dir.resolve("missing.properties");

        int status = run("check", "--config", missing.toString());

        assertThat(status).isEqualTo(Cli.EXIT_BAD_CONFIG);
        assertThat(err()).contains("properties file " + missing + " does not exist", "(from option --config)",
                "no client is active").doesNotContain("agent argument");
    }

    @Test
    void aRelativeConfigFileIsShownWithItsAbsolutePath() {
        int status = run("config", "--config=missing.properties");

        assertThat(status).isEqualTo(Cli.EXIT_BAD_CONFIG);
        assertThat(err()).contains("properties file missing.properties (absolute: "
                + Path.of("missing.properties").toAbsolutePath() + ") does not exist", "(from option --config)");
    }

    @Test
    void checkMarksAClientWithAProblemNotActiveAndFails() {
        client("billing").put("oauth.agent.clients.billing.fail-mode", "maybe");

        int status = run("check");

        assertThat(status).isEqualTo(Cli.EXIT_BAD_CONFIG);
        assertThat(err()).contains("oauth-agent: invalid configuration (1 problem):",
                "oauth.agent.clients.billing.fail-mode", "client(s) 'billing' NOT active");
        assertThat(out()).contains("client 'billing': NOT ACTIVE", "1 of 1 client(s) FAILED");
        assertThat(out() + err()).doesNotContain(SECRET);
    }

    @Test
    void configPrintsTheProblemsAndTheWholeTableAndExitsTwo() {
        client("billing").put("oauth.agent.clients.billing.fail-mode", "maybe");
        client("reports");

        int status = run("config");

        assertThat(status).isEqualTo(Cli.EXIT_BAD_CONFIG);
        assertThat(err()).contains("oauth.agent.clients.billing.fail-mode",
                "client(s) 'billing' NOT active because of these problems; active: 'reports'");
        assertThat(out()).contains("oauth.agent.clients.billing.fail-mode", "oauth.agent.clients.reports.token-url");
        assertThat(out() + err()).doesNotContain(SECRET);
    }

    @Test
    void aLiteralSecretInASystemPropertyIsWarnedAboutByKeyNotValue() {
        client("billing");

        int status = run("config");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        assertThat(err()).contains("oauth-agent: warning: system property oauth.agent.clients.billing.client-secret "
                + "holds a literal secret", "${env:BILLING_CLIENT_SECRET}");
        assertThat(out() + err()).doesNotContain(SECRET);
    }

    @Test
    void checkOfAUserGrantClientWithoutALoginSaysWhichLoginToRunAndCallsNoServer() {
        client("billing").put("oauth.agent.clients.billing.grant-type", "device_code");
        sysprops.put("oauth.agent.clients.billing.device-authorization-url",
                "https://auth.example.com/oauth2/device_authorization");

        int status = run("check");

        assertThat(status).isEqualTo(Cli.EXIT_FAILED);
        assertThat(out()).contains("client 'billing': FAILED  oauth-agent: client 'billing': no refresh token is "
                + "held: a login is needed. Run java -jar oauth-agent.jar login billing (with the same oauth.agent.* system "
                + "properties or environment)",
                "1 of 1 client(s) FAILED");
    }

    @Test
    void configShowsTheUserGrantKeysWithTheirDefaults() {
        client("billing").put("oauth.agent.clients.billing.grant-type", "authorization_code");
        sysprops.put("oauth.agent.clients.billing.authorization-url", "https://auth.example.com/oauth2/authorize");

        int status = run("config");

        assertThat(status).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("oauth.agent.clients.billing.authorization-url",
                "https://auth.example.com/oauth2/authorize", "oauth.agent.clients.billing.device-authorization-url",
                "oauth.agent.clients.billing.redirect-uri", "http://127.0.0.1:0/callback");
    }

    private Map<String, String> client(String name) {
        String prefix = "oauth.agent.clients." + name + ".";
        sysprops.put(prefix + "token-url", "https://auth.example.com/oauth2/token");
        sysprops.put(prefix + "client-id", name + "-id");
        sysprops.put(prefix + "client-secret", SECRET);
        sysprops.put(prefix + "hosts", name + ".example.com");
        return sysprops;
    }

    private int run(String... args) {
        return Cli.run(args, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), sysprops, Map.of()));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
