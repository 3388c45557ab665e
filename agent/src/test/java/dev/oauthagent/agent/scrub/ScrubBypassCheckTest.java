package dev.oauthagent.agent.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Settings that let secrets reach an output the redactor cannot clean are each reported once. */
class ScrubBypassCheckTest {
    @Test
    void ordinaryPropertiesGiveNoWarning() {
        assertThat(ScrubBypassCheck.warnings(Map.of("java.version", "21", "jdk.httpclient.HttpClient.log", "errors",
                "org.apache.commons.logging.simplelog.log.org.apache.http.wire", "info"))).isEmpty();
    }

    @Test
    void tlsDebugIsReported() {
        assertThat(ScrubBypassCheck.warnings(Map.of("javax.net.debug", "ssl:record:plaintext")))
                .singleElement().asString().startsWith("javax.net.debug is set").contains("remove it");
    }

    @Test
    void javaNetHttpHeaderLoggingIsReported() {
        assertThat(ScrubBypassCheck.warnings(Map.of("jdk.httpclient.HttpClient.log", "errors,headers"))).hasSize(1);
        assertThat(ScrubBypassCheck.warnings(Map.of("jdk.httpclient.HttpClient.log", "all"))).hasSize(1);
    }

    @Test
    void apacheWireLoggingThroughCommonsLoggingOrSlf4jSimpleIsReported() {
        assertThat(ScrubBypassCheck.warnings(Map.of(
                "org.apache.commons.logging.simplelog.log.org.apache.http.wire", "debug"))).singleElement()
                .asString().contains("Apache HttpClient's wire log");
        assertThat(ScrubBypassCheck.warnings(Map.of(
                "org.slf4j.simpleLogger.log.org.apache.hc.client5.http.wire", "TRACE"))).hasSize(1);
        assertThat(ScrubBypassCheck.warnings(Map.of(
                "org.apache.commons.logging.simplelog.log.org.apache.http", "debug"))).hasSize(1);
    }
}
