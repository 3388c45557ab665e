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

class PathPrefixTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/, /",
        "//, /",
        "/api, /api",
        "/api/, /api",
        "/api//, /api",
        "/api/v1, /api/v1",
        "/a;b, /a;b",
        "/%7Euser, /%7Euser",
        "/api/..., /api/...",
    })
    void validPrefixIsParsedWithoutTrailingSlash(String configured, String value) {
        assertThat(PathPrefix.parse(configured).value()).isEqualTo(value);
    }

    @Test
    void slashIsTheRootPrefix() {
        assertThat(PathPrefix.parse("/")).isSameAs(PathPrefix.ROOT);
        assertThat(PathPrefix.ROOT.isRoot()).isTrue();
        assertThat(PathPrefix.parse("/api").isRoot()).isFalse();
    }

    static Stream<Arguments> invalidPrefixes() {
        return Stream.of(
                arguments("", "path is empty: write / for every path, or a prefix such as /api"),
                arguments("api", "path 'api' must start with '/': write /api"),
                arguments("https://api.example.com/",
                        "is a URL: write only the path, e.g. /api, and the host in 'hosts'"),
                arguments("/api?x=1", "contains a query or fragment"),
                arguments("/api#x", "contains a query or fragment"),
                arguments("/my api", "contains a space or control character"),
                arguments("/a/../b", "contains a '.' or '..' segment"),
                arguments("/a/./b", "contains a '.' or '..' segment"),
                arguments("/a/.", "contains a '.' or '..' segment"),
                arguments("/a/%2e%2E/b", "contains a '.' or '..' segment"),
                arguments("/a/..;x/b", "contains a '.' or '..' segment"),
                arguments("/a%2Fb", "contains an encoded slash"),
                arguments("/a%5cb", "contains an encoded slash"),
                arguments("/a\\b", "contains '\\': use '/' between segments"));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @MethodSource("invalidPrefixes")
    void invalidPrefixIsRejectedWithAnActionableMessage(String configured, String message) {
        assertThatIllegalArgumentException().isThrownBy(() -> PathPrefix.parse(configured))
                .withMessageContaining(message);
    }

    @Test
    void nullPrefixIsRejectedAsEmpty() {
        assertThatIllegalArgumentException().isThrownBy(() -> PathPrefix.parse(null))
                .withMessageContaining("path is empty");
    }

    @Test
    void spellingsOfOnePrefixAreEqual() {
        assertThat(PathPrefix.parse("/api/")).isEqualTo(PathPrefix.parse("/api"))
                .hasSameHashCodeAs(PathPrefix.parse("/api"));
        assertThat(PathPrefix.parse("/API")).isNotEqualTo(PathPrefix.parse("/api"));
    }

    @ParameterizedTest(name = "{0} and {1} overlap: {2}")
    @CsvSource({
        "/, /, true",
        "/, /api, true",
        "/api, /api/, true",
        "/api, /api/v1, true",
        "/api/v1, /api, true",
        "/api, /apix, false",
        "/api, /api;x, false",
        "/api/v1, /api/v2, false",
        "/API, /api, false",
    })
    void prefixesOverlapWhenOneLiesUnderTheOtherOnASegmentBoundary(String a, String b, boolean overlap) {
        assertThat(PathPrefix.parse(a).overlaps(PathPrefix.parse(b))).isEqualTo(overlap);
        assertThat(PathPrefix.parse(b).overlaps(PathPrefix.parse(a))).isEqualTo(overlap);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/", "//", "/api/", "/api//", "/a;b", "/%7Euser", "/api/..."})
    void normalizedValueParsesBackToAnEqualPrefix(String configured) {
        PathPrefix prefix = PathPrefix.parse(configured);
        assertThat(PathPrefix.parse(prefix.value())).isEqualTo(prefix);
        assertThat(PathPrefix.parse(prefix.value()).value()).isEqualTo(prefix.value());
    }
}
