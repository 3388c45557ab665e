package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HostPatternTest {
    private static final int HTTPS = 443;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "api.example.com, api.example.com",
        "API.Example.COM, api.example.com",
        "api.example.com., api.example.com",
        "api.example.com:8443, api.example.com:8443",
        "*.example.com, *.example.com",
        "*.Example.COM.:8443, *.example.com:8443",
        "*.co.uk, *.co.uk",
        "localhost, localhost",
        "localhost:8080, localhost:8080",
        "my_service:9000, my_service:9000",
        "10.0.0.1, 10.0.0.1",
        "10.0.0.1:8080, 10.0.0.1:8080",
        "[::1], [::1]",
        "[::1]:8443, [::1]:8443",
        "[2001:DB8:0:0:0:0:0:1]:8443, [2001:db8::1]:8443",
        "bücher.example, xn--bcher-kva.example",
        "*.bücher.example, *.xn--bcher-kva.example",
        "xn--bcher-kva.example, xn--bcher-kva.example",
    })
    void validHostIsParsedIntoItsNormalizedForm(String configured, String normalized) {
        assertThat(HostPattern.parse(configured)).hasToString(normalized);
    }

    @Test
    void parsedPartsAreExposedNormalized() {
        HostPattern wildcard = HostPattern.parse("*.Example.com:8443");
        HostPattern exact = HostPattern.parse("api.example.com");

        assertThat(wildcard.isWildcard()).isTrue();
        assertThat(wildcard.host()).isEqualTo("example.com");
        assertThat(wildcard.port()).isEqualTo(8443);
        assertThat(exact.isWildcard()).isFalse();
        assertThat(exact.port()).isEqualTo(HostPattern.DEFAULT_PORT);
    }

    @Test
    void differentSpellingsOfOnePatternAreEqual() {
        assertThat(HostPattern.parse("API.example.com.")).isEqualTo(HostPattern.parse("api.example.com"))
                .hasSameHashCodeAs(HostPattern.parse("api.example.com"));
        assertThat(HostPattern.parse("[0:0::1]")).isEqualTo(HostPattern.parse("[::1]"));
        assertThat(HostPattern.parse("bücher.example")).isEqualTo(HostPattern.parse("xn--bcher-kva.example"));
        assertThat(HostPattern.parse("*.example.com")).isNotEqualTo(HostPattern.parse("example.com"));
        assertThat(HostPattern.parse("example.com:8443")).isNotEqualTo(HostPattern.parse("example.com"));
    }

    static Stream<Arguments> invalidHosts() {
        return Stream.of(
                arguments("", "host is empty"),
                arguments("https://api.example.com",
                        "host 'https://api.example.com' has a scheme: write the host without scheme,"
                                + " e.g. api.example.com"),
                arguments("http://api.example.com:8080/v1?x",
                        "write the host without scheme, e.g. api.example.com:8080"),
                arguments("user@api.example.com",
                        "contains user info ('@'): write only the host, e.g. api.example.com"),
                arguments("api.example.com/v1",
                        "contains a path: write only the host here, and path prefixes in 'paths'"),
                arguments("api.example.com\\v1", "contains a path"),
                arguments("api.example.com?x=1", "contains a query or fragment"),
                arguments("api.example.com#top", "contains a query or fragment"),
                arguments("api .example.com", "contains a space or control character"),
                arguments(" api.example.com", "contains a space or control character"),
                arguments("api.example.com\t", "contains a space or control character"),
                arguments("api..example.com", "has an empty label"),
                arguments(".example.com", "has an empty label"),
                arguments("api.example.com..", "has an empty label"),
                arguments("api.example.com:0", "has port 0, which is out of range: use 1-65535"),
                arguments("api.example.com:65536", "has port 65536, which is out of range: use 1-65535"),
                arguments("api.example.com:99999999999999", "which is out of range"),
                arguments("api.example.com:", "has an empty port"),
                arguments("api.example.com:https", "has port 'https', which is not a number"),
                arguments("api.example.com:-1", "which is not a number"),
                arguments(":8443", "has no host before the port"),
                arguments("*", "would send the token to every host"),
                arguments("*:443", "would send the token to every host"),
                arguments("*.com",
                        "would match every host under 'com': name at least two labels after '*.', e.g. *.example.com"),
                arguments("*.com.", "would match every host under 'com'"),
                arguments("*api.example.com", "'*' must be the whole leftmost label, as in *.example.com"),
                arguments("api*.example.com", "'*' must be the whole leftmost label"),
                arguments("api.*.example.com", "'*' must be the whole leftmost label"),
                arguments("*.*.example.com", "'*' must be the whole leftmost label"),
                arguments("**.example.com", "'*' must be the whole leftmost label"),
                arguments("*.", "has an empty label"),
                arguments("*.10.0.0.1", "puts a wildcard on an IP address"),
                arguments("::1", "looks like an IPv6 address: put it in brackets"),
                arguments("2001:db8::1:8443", "looks like an IPv6 address: put it in brackets"),
                arguments("[::1", "has '[' without ']'"),
                arguments("[::1]8443", "has text after ']'"),
                arguments("[::1]:", "has an empty port"),
                arguments("[::1]:70000", "out of range"),
                arguments("[::g]", "is not a valid IPv6 address"),
                arguments("[api.example.com]", "is not a valid IPv6 address"),
                arguments("[fe80::1%eth0]", "zone ids are not supported"),
                arguments("10.0.0.256", "ends in a number but is not an IPv4 address"),
                arguments("10.0.0", "ends in a number but is not an IPv4 address"),
                arguments("10.0.0.1.", "is an IP address with a trailing dot"),
                arguments("api!.example.com", "contains a character that is not allowed in a host name"),
                arguments("api.exa%6dple.com", "contains a character that is not allowed in a host name"),
                arguments("bücher!.example", "is not a valid internationalized domain name"),
                arguments("straße.example", "has characters that resolvers convert differently (such as 'ß' or"
                        + " full-width dots): write its punycode (xn--) form"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("invalidHosts")
    void invalidHostIsRejectedWithAnActionableMessage(String configured, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse(configured))
                .withMessageContaining(message);
    }

    @Test
    void nullHostIsRejectedAsEmpty() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse(null))
                .withMessageContaining("host is empty");
    }

    @Test
    void tooLongLabelAndNameAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("a".repeat(64) + ".com"))
                .withMessageContaining("has a label longer than 63 characters");
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("abcd.".repeat(51) + "com"))
                .withMessageContaining("is longer than 253 characters");
    }

    @Test
    void passwordInAUrlPastedByMistakeIsNotRepeatedInTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HostPattern.parse("https://svc:S3cr3t-Pw@api.example.com/v1"))
                .withMessageContaining("host 'https://****@api.example.com/v1' has a scheme")
                .withMessageContaining("e.g. api.example.com")
                .withMessageNotContaining("S3cr3t-Pw")
                .withMessageNotContaining("svc");
        assertThatIllegalArgumentException().isThrownBy(() -> HostPattern.parse("svc:S3cr3t-Pw@api.example.com"))
                .withMessageContaining("contains user info")
                .withMessageNotContaining("S3cr3t-Pw");
    }

    @Test
    void exactHostMatchesOnlyThatHost() {
        HostPattern pattern = HostPattern.parse("api.example.com");

        assertThat(pattern.matches("api.example.com", HTTPS, HTTPS)).isTrue();
        assertThat(pattern.matches("x.api.example.com", HTTPS, HTTPS)).isFalse();
        assertThat(pattern.matches("example.com", HTTPS, HTTPS)).isFalse();
        assertThat(pattern.matches("evilapi.example.com", HTTPS, HTTPS)).isFalse();
        assertThat(pattern.matches("api.example.com.evil.com", HTTPS, HTTPS)).isFalse();
    }

    @Test
    void wildcardMatchesSubdomainsAtAnyDepthButNotTheApex() {
        HostPattern pattern = HostPattern.parse("*.example.com");

        assertThat(pattern.matches("api.example.com", HTTPS, HTTPS)).isTrue();
        assertThat(pattern.matches("a.b.c.example.com", HTTPS, HTTPS)).isTrue();
        assertThat(pattern.matches("example.com", HTTPS, HTTPS)).isFalse();
        assertThat(pattern.matches("badexample.com", HTTPS, HTTPS)).isFalse();
        assertThat(pattern.matches("api.example.com.evil.com", HTTPS, HTTPS)).isFalse();
        assertThat(pattern.matches("example.com.evil.com", HTTPS, HTTPS)).isFalse();
    }

    @Test
    void patternWithoutPortMatchesOnlyTheSchemesDefaultPort() {
        HostPattern pattern = HostPattern.parse("api.example.com");

        assertThat(pattern.matches("api.example.com", 443, 443)).isTrue();
        assertThat(pattern.matches("api.example.com", 80, 80)).isTrue();
        assertThat(pattern.matches("api.example.com", 8443, 443)).isFalse();
        assertThat(pattern.matches("api.example.com", 443, 80)).isFalse();
    }

    @Test
    void patternWithPortMatchesOnlyThatPort() {
        HostPattern pattern = HostPattern.parse("api.example.com:8443");

        assertThat(pattern.matches("api.example.com", 8443, 443)).isTrue();
        assertThat(pattern.matches("api.example.com", 443, 443)).isFalse();
        assertThat(pattern.matches("api.example.com", 8444, 443)).isFalse();
    }

    @Test
    void ipPatternMatchesOnlyThatAddress() {
        assertThat(HostPattern.parse("10.0.0.1").matches("10.0.0.1", HTTPS, HTTPS)).isTrue();
        assertThat(HostPattern.parse("10.0.0.1").matches("10.0.0.10", HTTPS, HTTPS)).isFalse();
        assertThat(HostPattern.parse("[2001:db8::1]").matches("2001:db8::1", HTTPS, HTTPS)).isTrue();
        assertThat(HostPattern.parse("[2001:db8::1]").matches("2001:db8::1:0", HTTPS, HTTPS)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"API.Example.COM.", "*.Example.COM.:8443", "my_service:9000", "10.0.0.1:8080", "[::1]",
            "[2001:DB8:0:0:0:0:0:1]:8443", "bücher.example", "*.bücher.example:443"})
    void normalizedFormParsesBackToAnEqualPattern(String configured) {
        HostPattern pattern = HostPattern.parse(configured);
        assertThat(HostPattern.parse(pattern.toString())).isEqualTo(pattern).hasToString(pattern.toString());
    }
}
