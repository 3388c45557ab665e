package dev.oauthagent.agent.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "127.0.0.1", "255.255.255.255", "192.168.100.20"})
    void dottedQuadWithFourNumbersUpTo255IsIpv4(String address) {
        assertThat(IpLiteral.isIpv4(address)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "10.0.0", "10.0.0.1.2", "10.0.0.256", "010.0.0.1", "10.0.0.01", "10..0.1",
        "10.0.0.", ".10.0.0.1", "2130706433", "127.1", "0x7f.0.0.1", "1.2.3.a", "1.2.3.1000", "１.2.3.4"})
    void otherSpellingsAreNotIpv4(String text) {
        assertThat(IpLiteral.isIpv4(text)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "::1, ::1",
        "0:0:0:0:0:0:0:1, ::1",
        "::, ::",
        "2001:DB8::1, 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "1::, 1::",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::ffff:10.0.0.1, ::ffff:a00:1",
        "::ffff:a00:1, ::ffff:a00:1",
        "fe80::0:0:1, fe80::1",
    })
    void ipv6LiteralsReduceToOneCanonicalText(String literal, String canonical) {
        assertThat(IpLiteral.canonicalIpv6(literal)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", ":", ":::", "1:::2", "1::2::3", ":1::", "1::2:", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "12345::1", "g::1", "::1%eth0", "fe80::1%25eth0", "::1.2.3",
        "::1.2.3.4:5", "1.2.3.4::", "::256.0.0.1", "１::1", "[::1]", "example.com", "1:2:3:4:5:6:7:1.2.3.4"})
    void malformedIpv6LiteralsHaveNoCanonicalText(String text) {
        assertThat(IpLiteral.canonicalIpv6(text)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"::1", "2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "fe80::", "1:0:0:2:0:0:0:3",
        "0:0:1::", "ff02::2", "2001:db8:85a3::8a2e:370:7334"})
    void canonicalTextAgreesWithTheJdkOnWhichAddressALiteralIs(String literal) throws Exception {
        // A bracketed literal is parsed by InetAddress without any DNS lookup.
        String jdkSpelling = InetAddress.getByName("[" + literal + "]").getHostAddress();

        assertThat(IpLiteral.canonicalIpv6(literal)).isEqualTo(IpLiteral.canonicalIpv6(jdkSpelling));
    }

    @Test
    void longestZeroRunIsCompressedAndTheFirstWinsATie() {
        assertThat(IpLiteral.canonicalIpv6("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
        assertThat(IpLiteral.canonicalIpv6("1:0:0:2:0:0:3:4")).isEqualTo("1::2:0:0:3:4");
    }
}
