package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {
    private static final PathPrefix API = PathPrefix.parse("/api");

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
        // RFC 3986 section 5.2.4 examples, and the edges of the algorithm
        "/a/b/c/./../../g, /a/g",
        "mid/content=5/../6, /mid/6",
        "'', /",
        "/, /",
        "/., /",
        "/.., /",
        "/../../a, /a",
        "/a/b/.., /a/",
        "/a/b/., /a/b/",
        "/a/./b, /a/b",
        "/a//b/../c, /a//c",
        "/a/.../b, /a/.../b",
        "/a/.b/..c, /a/.b/..c",
        "/a/%2e%2E/b, /b",
        "/a/%2E/b, /a/b",
        "/a/.%2e/b, /b",
        "/a/..;jsessionid=1/b, /b",
        "/a/.;x/b, /a/b",
        "/a/..%2fb, /a/..%2fb",
        "/a/x%2e/b, /a/x%2e/b",
    })
    void dotSegmentsAreRemovedWhereEveryServerSeesThem(String raw, String normalized) {
        assertThat(RequestPath.removeDotSegments(raw, raw.length(), false)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({
        "/a/..%2fb, /b",
        "/a/..%2Fb, /b",
        "/a%5c..%5cb, /b",
        "/a\\..\\b, /b",
        "/a/x%2fy, /a/x/y",
    })
    void encodedSlashesAndBackslashesSplitSegmentsInTheReadingOfLenientServers(String raw, String normalized) {
        assertThat(RequestPath.removeDotSegments(raw, raw.length(), true)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api", "/api/", "/api/x", "/api?q", "/api?q=/../admin", "/api#f", "/api/x/y.json",
        "/api//x", "/api/./x", "/api/x/..", "/x/../api", "/x/../api/y", "/admin/%2e%2e/api/y", "/api/x%2fy",
        "/api/a%2Fb/c", "/api/..."})
    void pathUnderThePrefixMatches(String raw) {
        assertThat(RequestPath.matches(API, raw)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/apix", "/api;x", "/ap", "/", "", "/API", "/x/api", "//api", "/api/..",
        "/api/../admin", "/api/./../admin", "/api/%2e%2e/admin", "/api/%2E%2E/admin", "/api/.%2e/admin",
        "/api/..;/admin", "/api/..;x=y/admin", "/api/..%2fadmin", "/api/..%2Fadmin", "/api/..%5cadmin",
        "/api/..\\admin", "/api%2f..%2fadmin", "?/api", "#/api"})
    void pathOutsideThePrefixDoesNotMatch(String raw) {
        assertThat(RequestPath.matches(API, raw)).isFalse();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"/", "", "/anything/../at/all", "/..;/x", "/%2e%2e/%2f", "weird"})
    void rootPrefixMatchesEveryPath(String raw) {
        assertThat(RequestPath.matches(PathPrefix.ROOT, raw)).isTrue();
    }

    @org.junit.jupiter.api.Test
    void nullPathIsTheRootPath() {
        assertThat(RequestPath.matches(PathPrefix.ROOT, null)).isTrue();
        assertThat(RequestPath.matches(API, null)).isFalse();
    }
}
