package dev.oauthagent.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternsTest {
    @ParameterizedTest
    @CsvSource({"api.example.com,api.example.com", "API.Example.COM,api.example.com", "localhost,localhost",
            "localhost:8443,localhost:8443", "*.example.com,*.example.com", "*.example.com:443,*.example.com:443",
            "10.0.0.1:80,10.0.0.1:80", "[::1],[::1]", "[2001:DB8::1]:8443,[2001:db8::1]:8443",
            "my_host.internal,my_host.internal"})
    void acceptsHostHostPortWildcardAndIpLiteralsInLowerCase(String entry, String expected) throws Exception {
        assertThat(HostPatterns.normalize(entry)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "*.com", "api.*.com", "a*.example.com", "https://api.example.com",
            "api.example.com/v1", "api.example.com:", "api.example.com:0", "api.example.com:abc", "-bad.example.com",
            "api..example.com", "exa mple.com", "[::1", "[zz::1]"})
    void rejectsMalformedHostPatterns(String entry) {
        assertThatThrownBy(() -> HostPatterns.normalize(entry)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(entry);
    }
}
