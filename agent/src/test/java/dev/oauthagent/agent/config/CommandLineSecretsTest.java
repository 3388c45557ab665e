package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A literal secret on the command line is warned about once per key, by key and safer form, never by value. */
class CommandLineSecretsTest {
    private static final String LITERAL = "literal-secret-on-the-command-line";

    @Test
    void aLiteralClientSecretInASystemPropertyIsWarnedAboutWithFormsNamedAfterTheClient() {
        List<String> warnings = ConfigInput.withValidClient("inventory")
                .sys("clients.inventory.client-secret", LITERAL).loadAllowingProblems().warnings();

        assertThat(warnings).containsExactly("system property oauth.agent.clients.inventory.client-secret holds a "
                + "literal secret, readable by every local user on the JVM's command line (/proc/<pid>/cmdline, ps, "
                + "JMX getInputArguments); write it as ${env:INVENTORY_CLIENT_SECRET} or "
                + "${file:/run/secrets/inventory-client-secret} and keep the value in that variable or file");
    }

    @Test
    void aLiteralSecretInTheAgentArgumentsIsWarnedAboutAsWritten() {
        List<String> warnings = ConfigInput.withValidClient("billing").removeSys("clients.billing.client-secret")
                .args("clients.billing.client-secret=" + LITERAL).loadAllowingProblems().warnings();

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("agent argument clients.billing.client-secret holds a literal secret")
                .doesNotContain(LITERAL);
    }

    @Test
    void everySecretKeyCountsAndALiteralOverriddenByAHigherSourceIsStillOnTheCommandLine() {
        List<String> warnings = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", LITERAL)
                .args("clients.billing.client-secret=${env:BILLING_SECRET}")
                .env("BILLING_SECRET", "from-the-environment")
                .sys("clients.billing.truststore-password", LITERAL)
                .sys("scrub.values", "${env:BILLING_SECRET}," + LITERAL)
                .loadAllowingProblems().warnings();

        assertThat(warnings).hasSize(3).noneMatch(w -> w.contains(LITERAL));
        assertThat(warnings).anyMatch(w -> w.startsWith("system property oauth.agent.clients.billing.client-secret "));
        assertThat(warnings).anyMatch(w -> w.contains("truststore-password") && w.contains(
                "${env:BILLING_TRUSTSTORE_PASSWORD} or ${file:/run/secrets/billing-truststore-password}"));
        assertThat(warnings).anyMatch(w -> w.startsWith("system property oauth.agent.scrub.values ")
                && w.contains("${env:NAME} or ${file:/path} entries"));
    }

    @Test
    void referencesAreNotWarnedAbout() {
        List<String> warnings = ConfigInput.withValidClient("billing")
                .sys("clients.billing.client-secret", "${env:BILLING_SECRET}").env("BILLING_SECRET", LITERAL)
                .args("clients.billing.truststore-password=${file:/run/secrets/pw}")
                .sys("scrub.values", "${env:BILLING_SECRET}, ${file:/run/secrets/x}")
                .loadAllowingProblems().warnings();

        assertThat(warnings).isEmpty();
    }

    @Test
    void literalSecretsInTheEnvironmentOrThePropertiesFileAreNotOnTheCommandLine() {
        List<String> warnings = ConfigInput.empty()
                .env("OAUTH_AGENT_CLIENTS_BILLING_CLIENT_SECRET", LITERAL)
                .loadAllowingProblems().warnings();

        assertThat(warnings).isEmpty();
    }

    @Test
    void nonSecretKeysAreNotWarnedAbout() {
        assertThat(ConfigInput.empty().sys("clients.billing.client-id", "billing-service")
                .sys("clients.billing.hosts", "api.example.com").loadAllowingProblems().warnings()).isEmpty();
    }
}
