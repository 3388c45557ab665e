package dev.oauthagent.agent.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Which proxy the JVM's start-up properties give a call, in the JDK's order, and http.nonProxyHosts. */
class JvmProxySettingsTest {
    private static final URI HTTPS = URI.create("https://login.example.com/oauth2/token");
    private static final URI HTTP = URI.create("http://login.example.com/oauth2/token");

    private static JvmProxySettings jvm(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return JvmProxySettings.of(p);
    }

    @Test
    void eachSchemeTakesItsOwnPropertiesWithTheJdksDefaultPorts() {
        JvmProxySettings jvm = jvm("https.proxyHost", "secure.proxy", "http.proxyHost", "plain.proxy",
                "http.proxyPort", "3128");

        assertThat(jvm.routeFor(HTTPS).describe())
                .isEqualTo("proxy secure.proxy:443 (from system property https.proxyHost)");
        assertThat(jvm.routeFor(HTTP).describe()).isEqualTo("proxy plain.proxy:3128 (from system property http.proxyHost)");
        assertThat(jvm("http.proxyHost", "plain.proxy").routeFor(HTTPS).isDirect()).isTrue();
    }

    @Test
    void aSocksProxyIsUsedOnlyWithoutAnHttpProxyForTheScheme() {
        assertThat(jvm("socksProxyHost", "socks.proxy").routeFor(HTTPS).describe())
                .isEqualTo("SOCKS proxy socks.proxy:1080 (from system property socksProxyHost)");
        assertThat(jvm("socksProxyHost", "socks.proxy", "https.proxyHost", "secure.proxy").routeFor(HTTPS)
                .isHttpProxy()).isTrue();
    }

    @Test
    void nonProxyHostsTakesWildcardsAtEitherEndCaseInsensitively() {
        JvmProxySettings jvm = jvm("https.proxyHost", "secure.proxy", "http.nonProxyHosts", "*.Corp.example|10.*|auth");

        assertThat(jvm.routeFor(URI.create("https://login.CORP.example/token")).isDirect()).isTrue();
        assertThat(jvm.routeFor(URI.create("https://10.1.2.3/token")).isDirect()).isTrue();
        assertThat(jvm.routeFor(URI.create("https://auth/token")).isDirect()).isTrue();
        assertThat(jvm.routeFor(URI.create("https://corp.example/token")).isDirect()).isFalse();
        assertThat(jvm.routeFor(URI.create("https://auth.example/token")).isDirect()).isFalse();
    }

    @Test
    void unsetNonProxyHostsIsTheJdksLoopbackListAndEmptyExemptsNothing() {
        for (String host : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
            URI url = URI.create("https://" + host + ":8443/token");
            assertThat(jvm("https.proxyHost", "p").routeFor(url).isDirect()).as(host).isTrue();
            assertThat(jvm("https.proxyHost", "p", "http.nonProxyHosts", "").routeFor(url).isDirect()).as(host).isFalse();
        }
    }
}
