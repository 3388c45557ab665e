package dev.oauthagent.agent.instrument.apache4;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class HopUriTest {

    @Test
    void theRoutesOriginWithThePathAndQueryOfARequestLinePath() {
        assertThat(HopUri.of("https", "api.example.com", 8443, "/api/items?page=2"))
                .isEqualTo(URI.create("https://api.example.com:8443/api/items?page=2"));
    }

    @Test
    void anAbsoluteRequestTargetThroughAProxyGivesOnlyItsPathAndQueryNeverItsHost() {
        assertThat(HopUri.of("http", "api.example.com", 80, "http://evil.example.net:81/api/x?q=1"))
                .isEqualTo(URI.create("http://api.example.com:80/api/x?q=1"));
        assertThat(HopUri.of("http", "api.example.com", 80, "http://api.example.com?q=1"))
                .isEqualTo(URI.create("http://api.example.com:80/?q=1"));
        assertThat(HopUri.of("http", "api.example.com", 80, "http://api.example.com"))
                .isEqualTo(URI.create("http://api.example.com:80/"));
    }

    @Test
    void anIpv6HostIsBracketedAndAMissingPortStaysMissing() {
        assertThat(HopUri.of("http", "::1", -1, "/api")).isEqualTo(URI.create("http://[::1]/api"));
        assertThat(HopUri.of("http", "[::1]", 8080, "/api")).isEqualTo(URI.create("http://[::1]:8080/api"));
    }

    @Test
    void aRequestTargetThatMakesNoUriGivesNull() {
        assertThat(HopUri.of("http", "api.example.com", 80, "/api/a b")).isNull();
    }
}
