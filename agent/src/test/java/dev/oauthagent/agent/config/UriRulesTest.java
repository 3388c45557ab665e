package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which values count as a URL that lacks only its scheme (and are then echoed back with https://). */
class UriRulesTest {
    @Test
    void hostPortAndPathWithoutSchemeAreRecognised() {
        assertThat(UriRules.isHostPortPath("127.0.0.1:8503/oauth2/token")).isTrue();
        assertThat(UriRules.isHostPortPath("localhost:8503/oauth2/token")).isTrue();
        assertThat(UriRules.isHostPortPath("[::1]:8503/oauth2/token")).isTrue();
        assertThat(UriRules.isHostPortPath("auth.example.com")).isTrue();
    }

    @Test
    void urlsWithASchemeOrWithAnythingThatCouldHoldACredentialAreNot() {
        assertThat(UriRules.isHostPortPath("https://auth.example.com/token")).isFalse();
        assertThat(UriRules.isHostPortPath("ftp://auth.example.com/t")).isFalse();
        assertThat(UriRules.isHostPortPath("user:pw@auth.example.com/token")).isFalse();
        assertThat(UriRules.isHostPortPath("auth.example.com/token?key=v")).isFalse();
        assertThat(UriRules.isHostPortPath("not a url")).isFalse();
        assertThat(UriRules.isHostPortPath("host:123456/x")).isFalse();
        assertThat(UriRules.isHostPortPath("")).isFalse();
    }
}
