package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"api.example.com", "localhost", "my_service", "10.0.0.1", "xn--bcher-kva.example",
        "a-b.c-d.example"})
    void canonicalRequestHostIsReturnedAsTheSameInstanceWithoutAllocating(String host) {
        assertThat(HostNormalizer.normalizeRequested(host)).isSameAs(host);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "API.EXAMPLE.COM, api.example.com",
        "api.example.com., api.example.com",
        "API.Example.Com., api.example.com",
        "bücher.example, xn--bcher-kva.example",
        "BÜCHER.example, xn--bcher-kva.example",
        "XN--BCHER-KVA.EXAMPLE, xn--bcher-kva.example",
        "bücher.example., xn--bcher-kva.example",
        "[::1], ::1",
        "::1, ::1",
        "[2001:DB8:0::1], 2001:db8::1",
    })
    void requestHostIsNormalized(String host, String normalized) {
        assertThat(HostNormalizer.normalizeRequested(host)).isEqualTo(normalized);
    }

    @Test
    @ResourceLock(Resources.LOCALE)
    void upperCaseIIsLowerCasedTheSameWayUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "I".toLowerCase() is a dotless 'ı'
        try {
            assertThat(HostNormalizer.normalizeRequested("INFO.EXAMPLE")).isEqualTo("info.example");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void cyrillicHomographOfALatinHostNormalizesToDifferentPunycode() {
        String cyrillicA = "\u0430";

        assertThat(HostNormalizer.normalizeRequested(cyrillicA + "pple.com")).isEqualTo("xn--pple-43d.com");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", ".", "..", "a..b", ".example.com", "api.example.com..", "a b.com", "evil.com/x",
        "api.example.com@evil.com", "api%2eexample.com", "api.example.com\u0000.evil.com", "10.0.0.1.", "10.0.0",
        "1.2.3.999", "[::1", "[]", "[example.com]", "::g", "bücher!.example", "*.example.com"})
    void hostWithoutACanonicalFormNormalizesToNull(String host) {
        assertThat(HostNormalizer.normalizeRequested(host)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"straße.example", "api\u00ad.example.com", "a\u200dpi.example.com",
        "bücher\u3002example", "api.example\uff0ecom", "\ufb01le.example", "bu\u0308cher.example",
        "\uff41pi.example.com"})
    void unicodeHostThatIdna2003WouldMapToAnotherNameNormalizesToNull(String host) {
        // IDNA 2008 resolvers and proxies read these as other names than java.net.IDN's mapping suggests.
        assertThat(HostNormalizer.normalizeRequested(host)).isNull();
    }

    @Test
    void nullHostNormalizesToNull() {
        assertThat(HostNormalizer.normalizeRequested(null)).isNull();
    }

    @Test
    void labelOf63CharactersIsAcceptedAnd64IsNot() {
        assertThat(HostNormalizer.normalizeRequested("a".repeat(63) + ".com")).isNotNull();
        assertThat(HostNormalizer.normalizeRequested("a".repeat(64) + ".com")).isNull();
    }

    @Test
    void nameOf253CharactersIsAcceptedAnd254IsNot() {
        String label = "a".repeat(49) + ".";
        String name253 = label.repeat(5) + "abc";

        assertThat(name253).hasSize(253);
        assertThat(HostNormalizer.normalizeRequested(name253)).isNotNull();
        assertThat(HostNormalizer.normalizeRequested(name253 + "d")).isNull();
    }
}
