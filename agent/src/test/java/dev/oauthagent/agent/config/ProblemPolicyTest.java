package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a configuration problem turns off (docs/configuration.md, "When the configuration has problems"): a
 * client's problem that client only, a global key's problem what that key decides, and never log scrubbing.
 */
class ProblemPolicyTest {
    @TempDir
    Path dir;

    @Test
    void aProblemInOneClientStopsThatClientOnly() {
        LoadedConfig loaded = twoClients().sys("clients.reports.fail-mode", "maybe").loadAllowingProblems();

        assertThat(activeNames(loaded)).containsExactly("billing");
        assertThat(loaded.inactiveClients()).containsExactly("reports");
        ConfigProblem problem = single(loaded);
        assertThat(problem.reach()).isEqualTo(ConfigProblem.Reach.CLIENTS);
        assertThat(problem.clients()).containsExactly("reports");
    }

    @Test
    void theSecretsOfAStoppedClientThatCouldBeLoadedAreStillScrubbed() {
        LoadedConfig loaded = twoClients().sys("clients.reports.client-secret", "reports-secret-value")
                .sys("clients.reports.hosts", "https://reports.example.com").loadAllowingProblems();

        assertThat(loaded.inactiveClients()).containsExactly("reports");
        assertThat(secretsOf(loaded.config(), "reports")).containsExactly("reports-secret-value");
        assertThat(secretsOf(loaded.config(), "billing")).containsExactly(ConfigInput.SECRET);
        assertThat(loaded.config().scrub().enabled()).isTrue();
    }

    @Test
    void aMisspeltKeyOfAClientStopsThatClient() {
        LoadedConfig loaded = twoClients().sys("clients.reports.hots", "reports.example.com").loadAllowingProblems();

        assertThat(activeNames(loaded)).containsExactly("billing");
        assertThat(loaded.inactiveClients()).containsExactly("reports");
    }

    @Test
    void aMisspeltEnvironmentVariableOfAClientStopsThatClientOnly() {
        LoadedConfig loaded = twoClients().env("OAUTH_AGENT_CLIENTS_REPORTS_PATH", "/reports")
                .loadAllowingProblems();

        assertThat(single(loaded).message()).contains("did you mean OAUTH_AGENT_CLIENTS_REPORTS_PATHS?");
        assertThat(activeNames(loaded)).containsExactly("billing");
        assertThat(loaded.inactiveClients()).containsExactly("reports");
    }

    @Test
    void aKeyUnderAnInvalidClientNameStopsTheClientOfTheSuggestedName() {
        // "Reports" is not a client name; meant as "reports", it would have narrowed that client's paths.
        LoadedConfig loaded = twoClients().sys("clients.Reports.paths", "/reports").loadAllowingProblems();

        assertThat(activeNames(loaded)).containsExactly("billing");
        assertThat(loaded.inactiveClients()).containsExactly("reports");
    }

    @Test
    void twoClientsClaimingTheSameRequestsAreBothStopped() {
        LoadedConfig loaded = twoClients().validClient("ledger").sys("clients.reports.hosts", "billing.example.com")
                .loadAllowingProblems();

        assertThat(activeNames(loaded)).containsExactly("ledger");
        assertThat(loaded.inactiveClients()).containsExactly("billing", "reports");
    }

    @Test
    void anInvalidLogLevelTakesItsDefaultAndStopsNothing() {
        LoadedConfig loaded = twoClients().sys("log-level", "loud").loadAllowingProblems();

        assertThat(single(loaded).reach()).isEqualTo(ConfigProblem.Reach.NOTHING);
        assertThat(loaded.config().logLevel()).isEqualTo("info");
        assertThat(activeNames(loaded)).containsExactly("billing", "reports");
    }

    @Test
    void anInvalidScrubKeyTakesTheProtectiveDefaultAndStopsNothing() {
        LoadedConfig loaded = twoClients().sys("scrub.enabled", "flase").sys("scrub.patterns", "nope")
                .sys("scrub.replacement", "bearer").loadAllowingProblems();

        assertThat(loaded.problems()).hasSize(3).allMatch(p -> p.reach() == ConfigProblem.Reach.NOTHING);
        ScrubConfig scrub = loaded.config().scrub();
        assertThat(scrub.enabled()).isTrue();
        assertThat(scrub.patterns()).isTrue();
        assertThat(scrub.replacement()).isEqualTo("[REDACTED]");
        assertThat(activeNames(loaded)).containsExactly("billing", "reports");
    }

    @Test
    void aScrubValuesEntryThatCannotBeResolvedLeavesTheOthersScrubbed() {
        LoadedConfig loaded = twoClients().sys("scrub.values", "${env:NOT_SET_ANYWHERE}, app-key-value-1")
                .loadAllowingProblems();

        assertThat(single(loaded).reach()).isEqualTo(ConfigProblem.Reach.NOTHING);
        assertThat(loaded.config().scrub().values()).extracting(Secret::reveal).containsExactly("app-key-value-1");
    }

    @Test
    void anEnabledValueThatIsNeitherTrueNorFalseStopsEveryClientButNotScrubbing() {
        LoadedConfig loaded = twoClients().sys("enabled", "no").loadAllowingProblems();

        assertThat(loaded.config().enabled()).isTrue();
        assertThat(loaded.config().clients()).isEmpty();
        assertThat(loaded.inactiveClients()).containsExactly("billing", "reports");
        assertThat(loaded.config().scrub().enabled()).isTrue();
        assertThat(secretsOf(loaded.config(), "billing")).containsExactly(ConfigInput.SECRET);
    }

    @Test
    void aMisspeltEnabledKeyCountsAsAProblemOfEnabled() {
        LoadedConfig loaded = twoClients().sys("enabeld", "false").loadAllowingProblems();

        assertThat(single(loaded).reach()).isEqualTo(ConfigProblem.Reach.EVERY_CLIENT);
        assertThat(loaded.config().clients()).isEmpty();
    }

    @Test
    void aMisspeltScrubKeyCountsAsAProblemOfThatScrubKey() {
        LoadedConfig loaded = twoClients().sys("scrub.enabeld", "false").loadAllowingProblems();

        assertThat(single(loaded).reach()).isEqualTo(ConfigProblem.Reach.NOTHING);
        assertThat(loaded.config().scrub().enabled()).isTrue();
        assertThat(activeNames(loaded)).containsExactly("billing", "reports");
    }

    @Test
    void anUnknownKeyThatIsNoNearMissStopsEveryClient() {
        LoadedConfig loaded = twoClients().sys("frobnication-level", "7").loadAllowingProblems();

        assertThat(single(loaded).reach()).isEqualTo(ConfigProblem.Reach.EVERY_CLIENT);
        assertThat(loaded.config().clients()).isEmpty();
        assertThat(loaded.config().scrub().enabled()).isTrue();
    }

    @Test
    void anAgentArgumentWithoutEqualsSignStopsEveryClient() {
        LoadedConfig loaded = twoClients().args("clients.billing.paths:/api").loadAllowingProblems();

        assertThat(single(loaded).key()).isEqualTo("agent argument #1");
        assertThat(loaded.config().clients()).isEmpty();
    }

    @Test
    void aPropertiesFileThatCannotBeReadStopsEveryClient() {
        LoadedConfig loaded = twoClients().args("config=" + dir.resolve("missing.properties")).loadAllowingProblems();

        assertThat(single(loaded).reach()).isEqualTo(ConfigProblem.Reach.EVERY_CLIENT);
        assertThat(loaded.config().clients()).isEmpty();
    }

    @Test
    void theConfigKeyInsideThePropertiesFileStopsNothing() throws IOException {
        Path file = Files.write(dir.resolve("agent.properties"),
                "oauth.agent.config=/elsewhere\n".getBytes(StandardCharsets.UTF_8));

        LoadedConfig loaded = twoClients().args("config=" + file).loadAllowingProblems();

        assertThat(single(loaded).reach()).isEqualTo(ConfigProblem.Reach.NOTHING);
        assertThat(activeNames(loaded)).containsExactly("billing", "reports");
    }

    @Test
    void strictIsReadFromAnySourceAndAnInvalidValueCountsAsFalse() throws ConfigException {
        assertThat(twoClients().load().strict()).isFalse();
        assertThat(twoClients().sys("strict", "true").load().strict()).isTrue();
        assertThat(twoClients().env("OAUTH_AGENT_STRICT", "true").load().strict()).isTrue();
        assertThat(twoClients().args("strict=true").load().strict()).isTrue();

        LoadedConfig invalid = twoClients().sys("strict", "ture").loadAllowingProblems();
        assertThat(invalid.strict()).isFalse();
        assertThat(single(invalid).reach()).isEqualTo(ConfigProblem.Reach.NOTHING);
    }

    @Test
    void theReportListsEveryProblemAndSaysWhichClientsDoNotRun() {
        LoadedConfig loaded = twoClients().sys("clients.reports.fail-mode", "maybe").loadAllowingProblems();

        List<String> lines = ProblemReport.lines(loaded);

        assertThat(lines.get(0)).startsWith("oauth-agent: invalid configuration (1 problem):")
                .contains("oauth.agent.clients.reports.fail-mode");
        assertThat(lines.get(1)).isEqualTo("oauth-agent: client(s) 'reports' NOT active because of these problems; "
                + "active: 'billing'. Log scrubbing is on, also for the secrets of the inactive clients.");
    }

    @Test
    void theReportSaysWhenAProblemStopsEveryClient() {
        List<String> lines = ProblemReport.lines(twoClients().sys("enabled", "maybe").loadAllowingProblems());

        assertThat(lines.get(1)).startsWith("oauth-agent: no client is active: a problem above is not tied to one "
                + "client").endsWith("Log scrubbing is on, also for the secrets of the inactive clients.");
    }

    @Test
    void theReportSaysWhenNothingIsTurnedOff() {
        List<String> lines = ProblemReport.lines(twoClients().sys("log-level", "loud").loadAllowingProblems());

        assertThat(lines.get(1)).isEqualTo("oauth-agent: these problems turn nothing off: each key above takes its "
                + "default or is ignored. Log scrubbing is on.");
    }

    @Test
    void aConfigurationWithoutProblemsHasNoReport() throws ConfigException {
        assertThat(ProblemReport.lines(twoClients().load())).isEmpty();
    }

    private static ConfigInput twoClients() {
        return ConfigInput.withValidClient("billing").validClient("reports");
    }

    private static List<String> activeNames(LoadedConfig loaded) {
        List<String> names = new ArrayList<>();
        for (ClientConfig c : loaded.config().clients()) {
            names.add(c.name());
        }
        return names;
    }

    private static List<String> secretsOf(AgentConfig config, String client) {
        List<String> values = new ArrayList<>();
        for (ClientSecrets s : config.clientSecrets()) {
            if (s.clientName().equals(client) && s.clientSecret() != null) {
                values.add(s.clientSecret().reveal());
            }
        }
        return values;
    }

    private static ConfigProblem single(LoadedConfig loaded) {
        assertThat(loaded.problems()).hasSize(1);
        return loaded.problems().get(0);
    }
}
