package dev.oauthagent.agent.token;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The proxy set-up of the JVM as it started, for the agent's own calls to authorization servers: the standard
 * properties ({@code https.proxyHost}/{@code https.proxyPort}, {@code http.proxyHost}/{@code http.proxyPort},
 * {@code http.nonProxyHosts}) read once, and the JDK's own ProxySelector when {@code java.net.useSystemProxies}
 * asks for the operating system's proxies.
 *
 * <p>Why a snapshot (docs/decisions/0024): an application that later calls {@code ProxySelector.setDefault} or sets
 * the properties does so for its own traffic; a token request must not follow it to a proxy nobody meant for the
 * agent's client credentials. A selector other than the JDK's own is never asked, whenever it was installed.
 * {@link #atStart()} is taken when the agent starts (premain, before the application's main), or at the first
 * call of a command-line run. Immutable.
 */
public final class JvmProxySettings {
    private static final String JDK_SELECTOR = "sun.net.spi.DefaultProxySelector";

    private final Endpoint https;
    private final Endpoint http;
    private final Endpoint socks;
    private final NonProxyHosts nonProxyHosts;
    /** java.net.useSystemProxies: the operating system's proxies, which only the JDK's own selector knows. */
    private final boolean systemProxies;

    private JvmProxySettings(Endpoint https, Endpoint http, Endpoint socks, NonProxyHosts nonProxyHosts,
            boolean systemProxies) {
        this.https = https;
        this.http = http;
        this.socks = socks;
        this.nonProxyHosts = nonProxyHosts;
        this.systemProxies = systemProxies;
    }

    private static final class AtStart {
        static final JvmProxySettings VALUE = capture();
    }

    /** The settings as the agent found them when it started. */
    public static JvmProxySettings atStart() {
        return AtStart.VALUE;
    }

    private static JvmProxySettings capture() {
        try {
            return of(System.getProperties());
        } catch (SecurityException e) {
            return of(new Properties());
        }
    }

    static JvmProxySettings of(Properties properties) {
        return new JvmProxySettings(Endpoint.read(properties, "https.proxyHost", "https.proxyPort", 443),
                Endpoint.read(properties, "http.proxyHost", "http.proxyPort", 80),
                Endpoint.read(properties, "socksProxyHost", "socksProxyPort", 1080), NonProxyHosts.parse(properties.getProperty("http.nonProxyHosts")),
                Boolean.parseBoolean(properties.getProperty("java.net.useSystemProxies")));
    }

    boolean bypasses(URI url) {
        return nonProxyHosts.contains(url.getHost());
    }

    /**
     * The JVM's proxy for this URL, in the JDK's order: the HTTP proxy properties of its scheme, else the operating
     * system's proxy, else {@code socksProxyHost}, else none.
     */
    ProxyRoute routeFor(URI url) {
        if (bypasses(url)) {
            return ProxyRoute.DIRECT;
        }
        Endpoint endpoint = "https".equalsIgnoreCase(url.getScheme()) ? https : http;
        if (endpoint != null) {
            return ProxyRoute.through(endpoint.host, endpoint.port, "system property " + endpoint.hostProperty);
        }
        ProxyRoute system = systemProxies ? fromSystemProxies(url) : ProxyRoute.DIRECT;
        if (system.isDirect() && socks != null) {
            return ProxyRoute.socks(socks.host, socks.port, "system property " + socks.hostProperty);
        }
        return system;
    }

    /**
     * Asks the JDK's own selector, found at the call: loading it at start would cost premain time. Whatever the
     * application installed instead is not asked.
     */
    private static ProxyRoute fromSystemProxies(URI url) {
        List<Proxy> proxies;
        try {
            ProxySelector current = ProxySelector.getDefault();
            if (current == null || !current.getClass().getName().equals(JDK_SELECTOR)) {
                return ProxyRoute.DIRECT;
            }
            proxies = current.select(url);
        } catch (RuntimeException e) { // SecurityException or a selector failure: no proxy known
            return ProxyRoute.DIRECT;
        }
        for (Proxy p : proxies == null ? Collections.<Proxy>emptyList() : proxies) {
            if (p.address() instanceof InetSocketAddress) {
                InetSocketAddress a = (InetSocketAddress) p.address();
                String source = "the operating system's proxy settings (java.net.useSystemProxies=true)";
                return p.type() == Proxy.Type.SOCKS ? ProxyRoute.socks(a.getHostString(), a.getPort(), source)
                        : ProxyRoute.through(a.getHostString(), a.getPort(), source);
            }
        }
        return ProxyRoute.DIRECT;
    }

    @Override
    public String toString() {
        return "JvmProxySettings{https=" + https + ", http=" + http + ", socks=" + socks + ", nonProxyHosts="
                + nonProxyHosts + ", systemProxies=" + systemProxies + "}";
    }

    /** One kind's proxy properties; the JDK's default port when the port property is missing or invalid. */
    private static final class Endpoint {
        final String host;
        final int port;
        final String hostProperty;

        private Endpoint(String host, int port, String hostProperty) {
            this.host = host;
            this.port = port;
            this.hostProperty = hostProperty;
        }

        static Endpoint read(Properties properties, String hostProperty, String portProperty, int defaultPort) {
            String host = properties.getProperty(hostProperty);
            if (host == null || host.trim().isEmpty()) {
                return null;
            }
            int port = defaultPort;
            String portText = properties.getProperty(portProperty);
            if (portText != null) {
                try {
                    port = Integer.parseInt(portText.trim());
                } catch (NumberFormatException e) {
                    // as the JDK does: an unreadable port is the default port
                }
            }
            return new Endpoint(host.trim().toLowerCase(Locale.ROOT), port, hostProperty);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
