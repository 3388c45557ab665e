package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {
    @TempDir
    Path dir;

    @Test
    void missingTokenUrlNamesTheKeyAndItsEnvVarForm() {
        String message = ConfigInput.withValidClient("billing").removeSys("clients.billing.token-url")
                .messageOf("clients.billing.token-url");
        assertThat(message).contains("is required but not set", "oauth.agent.clients.billing.token-url",
                "OAUTH_AGENT_CLIENTS_BILLING_TOKEN_URL");
    }

    @Test
    void missingClientIdNamesTheKeyAndItsEnvVarForm() {
        String message = ConfigInput.withValidClient("billing").removeSys("clients.billing.client-id")
                .messageOf("clients.billing.client-id");
        assertThat(message).contains("is required", "OAUTH_AGENT_CLIENTS_BILLING_CLIENT_ID");
    }

    @Test
    void missingClientSecretForClientCredentialsNamesTheKeyAndItsEnvVarForm() {
        String message = ConfigInput.withValidClient("billing").removeSys("clients.billing.client-secret")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("is required", "OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRET");
    }

    @Test
    void missingClientSecretSuggestsAnEnvVarNamedAfterThisClient() {
        String message = ConfigInput.withValidClient("inventory").removeSys("clients.inventory.client-secret")
                .messageOf("clients.inventory.client-secret");
        assertThat(message).contains("e.g. ${env:INVENTORY_CLIENT_SECRET}").doesNotContain("BILLING");
    }

    @Test
    void tokenUrlWithoutSchemeIsRejectedWithAnExample() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.token-url", "auth.example.com/token")
                .messageOf("clients.billing.token-url");
        assertThat(message).contains("has no scheme", "https://");
    }

    @Test
    void tokenUrlOfHostPortAndPathWithoutSchemeSaysTheSchemeIsMissingAndShowsTheFix() {
        // "127.0.0.1:..." does not parse as a URI at all, and "localhost:8503/..." parses with scheme "localhost"
        for (String value : List.of("127.0.0.1:8503/oauth2/token", "localhost:8503/oauth2/token", "[::1]:8503/oauth2/token",
                "auth.example.com/oauth2/token")) {
            String message = ConfigInput.withValidClient("billing").sys("clients.billing.token-url", value)
                    .messageOf("clients.billing.token-url");
            assertThat(message).as(value).contains("has no scheme", "write it as https://" + value)
                    .doesNotContain("has scheme '").doesNotContain("not a valid URL");
        }
    }

    @Test
    void tokenUrlWithoutSchemeIsNotEchoedWhenItCouldHoldAPassword() {
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-url", "user:hunter2pw@auth.example.com/token")
                .messageOf("clients.billing.token-url");
        assertThat(message).doesNotContain("hunter2pw");
    }

    @Test
    void tokenUrlWithUnsupportedSchemeIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.token-url", "ftp://auth.example.com/t")
                .messageOf("clients.billing.token-url");
        assertThat(message).contains("scheme 'ftp'", "https");
    }

    @Test
    void tokenUrlWithFragmentIsRejected() {
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-url", "https://auth.example.com/token#x")
                .messageOf("clients.billing.token-url");
        assertThat(message).contains("fragment");
    }

    @Test
    void tokenUrlWithUserInfoIsRejectedWithoutEchoingThePassword() {
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-url", "https://user:hunter2pw@auth.example.com/token")
                .messageOf("clients.billing.token-url");
        assertThat(message).contains("user info").doesNotContain("hunter2pw");
    }

    @Test
    void tokenUrlWithoutHostIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.token-url", "https:///token")
                .messageOf("clients.billing.token-url");
        assertThat(message).contains("host");
    }

    @Test
    void plainHttpTokenUrlIsRefusedUnlessAllowHttpIsTrue() {
        ConfigInput input = ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-url", "http://localhost:9000/token");
        assertThat(input.messageOf("clients.billing.token-url"))
                .contains("plain http", "oauth.agent.clients.billing.allow-http=true");
    }

    @Test
    void plainHttpTokenUrlIsAcceptedWithAllowHttpTrue() throws ConfigException {
        ClientConfig client = ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-url", "http://localhost:9000/token")
                .sys("clients.billing.allow-http", "true").load().config().client("billing");
        assertThat(client.allowHttp()).isTrue();
        assertThat(client.tokenUrl().toString()).isEqualTo("http://localhost:9000/token");
    }

    @Test
    void malformedDurationListsTheAcceptedForms() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.wait-timeout", "soon")
                .messageOf("clients.billing.wait-timeout");
        assertThat(message).contains("'soon' is not a duration", "500ms", "30s", "5m", "1h", "PT30S",
                "(from system property oauth.agent.clients.billing.wait-timeout)");
    }

    @Test
    void negativeDurationIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.refresh-before", "-5s")
                .messageOf("clients.billing.refresh-before");
        assertThat(message).contains("negative");
    }

    @Test
    void zeroConnectTimeoutIsRejectedBecauseTheJdkWouldWaitForever() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.connect-timeout", "0")
                .messageOf("clients.billing.connect-timeout");
        assertThat(message).contains("zero", "positive");
    }

    @Test
    void unknownClientKeySuggestsTheClosestKnownKey() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.token-ulr", "https://x.example.com")
                .messageOf("clients.billing.token-ulr");
        assertThat(message).contains("unknown key", "did you mean oauth.agent.clients.billing.token-url?");
    }

    @Test
    void unknownGlobalKeySuggestsTheClosestGlobalKey() {
        String message = ConfigInput.empty().sys("log-levle", "debug").messageOf("log-levle");
        assertThat(message).contains("did you mean oauth.agent.log-level?");
    }

    @Test
    void clientKeyWithoutTheClientsSegmentSuggestsTheClientsForm() {
        String message = ConfigInput.empty().sys("billing.token-url", "https://a.example.com/t")
                .messageOf("billing.token-url");
        assertThat(message).contains("did you mean oauth.agent.clients.billing.token-url?");
    }

    @Test
    void unknownKeyFarFromEveryKnownKeyListsTheAcceptedKeys() {
        String message = ConfigInput.empty().sys("frobnicate", "1").messageOf("frobnicate");
        assertThat(message).contains("unknown key", "log-level", "token-url", "docs/configuration.md");
    }

    @Test
    void unknownEnvironmentVariableSuggestsTheClosestVariable() {
        String message = ConfigInput.empty().env("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRE", "x")
                .messageOf("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRE");
        assertThat(message).contains("did you mean OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRET?");
    }

    @Test
    void unknownGlobalEnvironmentVariableSuggestsTheClosestVariable() {
        String message = ConfigInput.empty().env("OAUTH_AGENT_LOGLEVEL", "debug").messageOf("OAUTH_AGENT_LOGLEVEL");
        assertThat(message).contains("did you mean OAUTH_AGENT_LOG_LEVEL?");
    }

    @Test
    void envReferenceToAnUnsetVariableNamesTheVariable() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.client-secret", "${env:BILLING_SECRET}")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("env var BILLING_SECRET", "not set");
    }

    @Test
    void fileReferenceToAMissingFileNamesThePathAndTheReason() {
        Path missing = dir.resolve("no-such-secret");
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${file:" + missing + "}")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("file " + missing, "does not exist");
    }

    @Test
    void fileReferenceToADirectoryNamesThePathAndTheReason() {
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${file:" + dir + "}")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("file " + dir, "is a directory");
    }

    @Test
    void fileReferenceReadsTheFileAndDropsOneTrailingNewline() throws Exception {
        Path secretFile = dir.resolve("secret");
        Files.write(secretFile, (ConfigInput.SECRET + "\n").getBytes("UTF-8"));
        ClientConfig client = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${file:" + secretFile + "}").load().config().client("billing");
        assertThat(client.clientSecret().reveal()).isEqualTo(ConfigInput.SECRET);
        assertThat(client.clientSecret().origin()).isEqualTo("file " + secretFile);
    }

    @Test
    void fileReferenceKeepsASecondTrailingNewlineBecauseOnlyOneIsDropped() throws Exception {
        Path secretFile = dir.resolve("secret");
        Files.write(secretFile, "abc\n\n".getBytes("UTF-8"));
        ClientConfig client = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${file:" + secretFile + "}").load().config().client("billing");
        assertThat(client.clientSecret().reveal()).isEqualTo("abc\n");
    }

    @Test
    void emptyLiteralSecretIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.client-secret", "")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("is empty");
    }

    @Test
    void secretFromAnEmptyEnvVarIsRejectedNamingTheVariable() {
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${env:BILLING_SECRET}").env("BILLING_SECRET", "")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("is empty", "env var BILLING_SECRET");
    }

    @Test
    void secretFromAnEmptyFileIsRejectedNamingTheFile() throws IOException {
        Path secretFile = Files.write(dir.resolve("secret"), "\n".getBytes("UTF-8"));
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${file:" + secretFile + "}")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("is empty", "file " + secretFile);
    }

    @Test
    void unsupportedReferenceKindIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.client-secret", "${vault:kv/x}")
                .messageOf("clients.billing.client-secret");
        assertThat(message).contains("${env:NAME}", "${file:/path}").doesNotContain("vault");
    }

    @Test
    void referenceInAKeyThatDoesNotResolveReferencesIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.audience", "${env:AUD}")
                .messageOf("clients.billing.audience");
        assertThat(message).contains("resolved only in client-id, client-secret, truststore-password, private-key-password and "
                + "the token-store keys");
    }

    @Test
    void invalidFailModeListsTheAcceptedValues() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.fail-mode", "sometimes")
                .messageOf("clients.billing.fail-mode");
        assertThat(message).contains("'sometimes'", "closed, open");
    }

    @Test
    void invalidClientAuthListsTheAcceptedValues() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.client-auth", "secret_jwt")
                .messageOf("clients.billing.client-auth");
        assertThat(message).contains("client_secret_basic, client_secret_post, private_key_jwt, client_secret_jwt");
    }

    @Test
    void invalidLogLevelListsTheAcceptedValues() {
        String message = ConfigInput.empty().sys("log-level", "trace").messageOf("log-level");
        assertThat(message).contains("error, warn, info, debug");
    }

    @Test
    void metricsLogIntervalIsOffUnlessSetAndTakesADuration() throws ConfigException {
        assertThat(ConfigInput.withValidClient("billing").load().config().metricsLogInterval()).isNull();
        assertThat(ConfigInput.withValidClient("billing").sys("metrics-log-interval", "15m").load().config()
                .metricsLogInterval()).isEqualTo(java.time.Duration.ofMinutes(15));
    }

    @Test
    void metricsLogIntervalOfZeroOrBelowASecondIsAProblemThatStopsNoClient() {
        String zero = ConfigInput.withValidClient("billing").sys("metrics-log-interval", "0s")
                .messageOf("metrics-log-interval");
        assertThat(zero).contains("'0s' is zero; use a positive duration");
        ConfigInput tooOften = ConfigInput.withValidClient("billing").sys("metrics-log-interval", "500ms");
        assertThat(tooOften.messageOf("metrics-log-interval")).isEqualTo("'500ms' is shorter than 1s: a line per"
                + " client that often would flood the log; use e.g. 15m (from system property"
                + " oauth.agent.metrics-log-interval)");
        LoadedConfig loaded = tooOften.loadAllowingProblems();
        assertThat(loaded.config().client("billing")).as("the client runs").isNotNull();
        assertThat(loaded.config().metricsLogInterval()).as("no summary lines").isNull();
    }

    @Test
    void invalidBooleanSaysTrueOrFalse() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.allow-http", "yes")
                .messageOf("clients.billing.allow-http");
        assertThat(message).contains("true or false");
    }

    @Test
    void unknownGrantTypeIsRejectedListingTheGrantsThatExist() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.grant-type", "implicit")
                .messageOf("clients.billing.grant-type");
        assertThat(message).isEqualTo("'implicit' is not a known grant type; use client_credentials, device_code, "
                + "authorization_code or refresh_token (from system property oauth.agent.clients.billing.grant-type)");
    }

    @Test
    void thePasswordGrantIsRefusedSayingWhy() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.grant-type", "password")
                .messageOf("clients.billing.grant-type");
        assertThat(message).isEqualTo("'password' (the resource-owner password grant) is not supported: it hands the "
                + "user's password to the program, which OAuth's security best practice (RFC 9700) forbids; use "
                + "device_code or authorization_code (from system property oauth.agent.clients.billing.grant-type)");
    }

    @Test
    void invalidClientNameSaysWhichCharactersAreAllowedAndSuggestsAName() {
        String message = ConfigInput.empty().sys("clients.Billing.App.hosts", "x").messageOf("clients.Billing.App.hosts");
        assertThat(message).contains("unknown key"); // "App.hosts" is not a key: the dot ends the name

        String upper = ConfigInput.empty().sys("clients.Billing.hosts", "a.example.com").messageOf("clients.Billing.hosts");
        assertThat(upper).contains("lower-case letters, digits, '-' and '_'", "'billing'");
    }

    @Test
    void hostWithSchemeIsRejectedSuggestingTheHostAlone() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.hosts", "https://api.example.com")
                .messageOf("clients.billing.hosts");
        assertThat(message).contains("has a scheme", "e.g. api.example.com", "allow-http");
    }

    @Test
    void hostsWithUserInfoAreRejectedWithoutEchoingThePasswordEvenWhenItHasAComma() {
        for (String hosts : List.of("https://user:hunter2pw@api.example.com", "user:hunter2pw@api.example.com",
                "https://user:hunter,2pw@api.example.com")) {
            String message = ConfigInput.withValidClient("billing").sys("clients.billing.hosts", hosts)
                    .messageOf("clients.billing.hosts");
            assertThat(message).as(hosts).contains("user info").doesNotContain("hunter", "2pw");
        }
    }

    @Test
    void pathsWithAUrlAreRejectedWithoutEchoingIt() {
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.paths", "https://user:hun,ter2pw@api.example.com/api")
                .messageOf("clients.billing.paths");
        assertThat(message).contains("contains a URL", "/api").doesNotContain("hun", "ter2pw");
    }

    @Test
    void wildcardOverATopLevelDomainIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.hosts", "*.com")
                .messageOf("clients.billing.hosts");
        assertThat(message).contains("two labels");
    }

    @Test
    void hostWithPortOutOfRangeIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.hosts", "api.example.com:70000")
                .messageOf("clients.billing.hosts");
        assertThat(message).contains("'api.example.com:70000'", "out of range: use 1-65535");
    }

    @Test
    void hostsAreNormalizedAndAcceptAllDocumentedForms() throws ConfigException {
        ClientConfig client = ConfigInput.withValidClient("billing")
                .sys("clients.billing.hosts", "API.Example.com, *.billing.example.com ,localhost:8443,[::1]:9000,"
                        + "10.0.0.5:8080,[2001:DB8:0::1],bücher.example")
                .load().config().client("billing");
        assertThat(client.hosts()).containsExactly("api.example.com", "*.billing.example.com", "localhost:8443",
                "[::1]:9000", "10.0.0.5:8080", "[2001:db8::1]", "xn--bcher-kva.example");
    }

    @Test
    void pathWithoutLeadingSlashIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.paths", "api/")
                .messageOf("clients.billing.paths");
        assertThat(message).contains("must start with '/'");
    }

    @Test
    void resourceThatIsNotAnAbsoluteUriIsRejectedNamingTheEntry() {
        String message = ConfigInput.withValidClient("billing")
                .sys("clients.billing.resource", "https://api.example.com/a, relative/path")
                .messageOf("clients.billing.resource");
        assertThat(message).contains("entry 2", "absolute URI");
    }

    @Test
    void resourceWithFragmentIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.resource", "https://api.example.com/#a")
                .messageOf("clients.billing.resource");
        assertThat(message).contains("fragment", "RFC 8707");
    }

    @Test
    void missingTruststoreFileIsRejectedNamingThePath() {
        Path missing = dir.resolve("trust.p12");
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.truststore", missing.toString())
                .messageOf("clients.billing.truststore");
        assertThat(message).contains(missing.toString(), "does not exist");
    }

    @Test
    void unknownTruststoreTypeIsRejected() throws IOException {
        Path store = Files.write(dir.resolve("trust.p12"), new byte[] {1});
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.truststore", store.toString())
                .sys("clients.billing.truststore-type", "NOPE").messageOf("clients.billing.truststore-type");
        assertThat(message).contains("PKCS12 or JKS");
    }

    @Test
    void truststorePasswordWithoutTruststoreIsRejected() {
        String message = ConfigInput.withValidClient("billing").sys("clients.billing.truststore-password", "pw")
                .messageOf("clients.billing.truststore-password");
        assertThat(message).contains("no effect without oauth.agent.clients.billing.truststore");
    }

    @Test
    void twoClientsWithTheSameHostAndNestedPathsAreReportedNamingBoth() {
        String message = ConfigInput.twoClients("api.example.com", "/api/", "api.example.com", "/api/reports/")
                .messageOf("clients.reports.hosts");
        assertThat(message).contains("'billing'", "'reports'", "api.example.com", "/api and /api/reports");
    }

    @Test
    void twoClientsWithTheSameHostAndIdenticalDefaultPathsAreReported() {
        String message = ConfigInput.twoClients("api.example.com", null, "API.example.com", null)
                .messageOf("clients.reports.hosts");
        assertThat(message).contains("'billing'", "'reports'");
    }

    @Test
    void twoClientsWithEqualHostPatternsInDifferentSpellingsAreReported() {
        String message = ConfigInput.twoClients("[::1]:8443, bücher.example", "/v1",
                "xn--bcher-kva.example, [0:0::1]:8443", "/v1/x").messageOf("clients.reports.hosts");
        assertThat(message).contains("'billing'", "'reports'", "[::1]:8443", "/v1 and /v1/x");
    }

    @Test
    void twoClientsOnTheSameHostWithPrefixesThatShareOnlyLettersAreValid() throws ConfigException {
        AgentConfig config = ConfigInput.twoClients("api.example.com", "/api", "api.example.com", "/apix")
                .load().config();
        assertThat(config.clients()).extracting(ClientConfig::name).containsExactly("billing", "reports");
    }

    @Test
    void twoClientsOnTheSameHostWithDisjointPathsAreValid() throws ConfigException {
        AgentConfig config = ConfigInput.twoClients("api.example.com", "/billing/", "api.example.com", "/reports/")
                .load().config();
        assertThat(config.clients()).extracting(ClientConfig::name).containsExactly("billing", "reports");
    }

    @Test
    void configFileThatDoesNotExistIsAClearProblemNamingThePathAndItsSource() {
        Path missing = dir.resolve("agent.properties");
        String message = ConfigInput.empty().args("config=" + missing).messageOf("config");
        assertThat(message).contains("properties file " + missing, "does not exist", "agent argument config");
    }

    @Test
    void configFileThatIsNotUtf8IsAClearProblemAskingToSaveItAsUtf8() throws IOException {
        byte[] latin1 = "oauth.agent.log-level=d\u00e9bug\n".getBytes("ISO-8859-1"); // a lone 0xE9 byte
        Path file = Files.write(dir.resolve("agent.properties"), latin1);
        String message = ConfigInput.empty().args("config=" + file).messageOf("config");
        assertThat(message).contains("properties file " + file, "is not valid UTF-8; save it as UTF-8");
    }

    @Test
    void configKeyInsideThePropertiesFileIsReportedAsHavingNoEffect() throws IOException {
        Path file = Files.write(dir.resolve("agent.properties"), "oauth.agent.config=/other\n".getBytes("UTF-8"));
        String message = ConfigInput.empty().args("config=" + file).messageOf("config");
        assertThat(message).contains("no effect inside the properties file");
    }

    @Test
    void unprefixedKeyInThePropertiesFileSuggestsTheFullKey() throws IOException {
        Path file = Files.write(dir.resolve("agent.properties"), "log-level=debug\n".getBytes("UTF-8"));
        List<ConfigProblem> problems = ConfigInput.empty().args("config=" + file).problemsOfExactKey("log-level");
        String message = problems.get(0).message();
        assertThat(message).contains("properties file " + file, "did you mean oauth.agent.log-level?");
    }

    @Test
    void agentArgumentWithoutEqualsSignIsReportedByPosition() {
        String message = ConfigInput.empty().args("log-level=info,oops").messageOf("agent argument #2");
        assertThat(message).contains("not key=value");
    }

    @Test
    void sameKeyTwiceInAgentArgumentsIsReported() {
        String message = ConfigInput.empty().args("log-level=info,oauth.agent.log-level=debug").messageOf("log-level");
        assertThat(message).contains("more than once in agent arguments");
    }

    @Test
    void everyProblemIsReportedAtOnceWithAHeaderAndOneLinePerProblem() {
        ConfigException e = ConfigInput.withValidClient("billing")
                .sys("clients.billing.token-url", "ftp://x")
                .sys("clients.billing.wait-timeout", "soon")
                .sys("clients.billing.fail-mode", "maybe")
                .sys("clients.billing.client-secre", "x")
                .removeSys("clients.billing.client-id")
                .sys("log-level", "loud")
                .failure();
        List<String> keys = e.problems().stream().map(ConfigProblem::key).collect(Collectors.toList());
        assertThat(keys).containsExactlyInAnyOrder("oauth.agent.clients.billing.token-url",
                "oauth.agent.clients.billing.wait-timeout", "oauth.agent.clients.billing.fail-mode",
                "oauth.agent.clients.billing.client-secre", "oauth.agent.clients.billing.client-id",
                "oauth.agent.log-level");
        String[] lines = e.getMessage().split("\\R");
        assertThat(lines[0]).isEqualTo("oauth-agent: invalid configuration (6 problems):");
        assertThat(lines).hasSize(7);
        assertThat(lines[1]).startsWith("  - oauth.agent.");
    }

    @Test
    void singleProblemHeaderUsesTheSingular() {
        ConfigException e = ConfigInput.empty().sys("log-level", "loud").failure();
        assertThat(e.getMessage()).startsWith("oauth-agent: invalid configuration (1 problem):");
    }

    @Test
    void failedLoadStillCarriesTheEffectiveConfigurationForPrinting() {
        ConfigException e = ConfigInput.withValidClient("billing").sys("clients.billing.fail-mode", "maybe").failure();
        assertThat(e.effective().entry("oauth.agent.clients.billing.fail-mode").value()).isEqualTo("maybe");
    }

    @Test
    void noClientsConfiguredIsValidAndEnabled() throws ConfigException {
        AgentConfig config = ConfigInput.empty().load().config();
        assertThat(config.enabled()).isTrue();
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.clients()).isEmpty();
    }

    @Test
    void disabledAgentNeverFailsAndReturnsItsProblemsAsIgnored() {
        LoadedConfig loaded = ConfigInput.withValidClient("billing").sys("enabled", "false")
                .sys("clients.billing.fail-mode", "maybe").sys("strict", "true").loadAllowingProblems();
        assertThat(loaded.config().enabled()).isFalse();
        assertThat(loaded.config().clients()).isEmpty();
        assertThat(loaded.problems()).extracting(ConfigProblem::key)
                .containsExactly("oauth.agent.clients.billing.fail-mode");
        assertThat(loaded.strict()).as("a disabled agent never stops anything").isFalse();
    }

    @Test
    void invalidEnabledValueFailsEvenThoughItMightMeanDisabled() {
        String message = ConfigInput.empty().sys("enabled", "no").messageOf("enabled");
        assertThat(message).contains("true or false");
    }
}
