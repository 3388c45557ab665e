package dev.oauthagent.agent.token;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLSession;

/**
 * The HostnameVerifier of the agent's own connections, in place of the JVM-wide default an application may have
 * set to allow-all. The JDK asks a HostnameVerifier only about a certificate its own RFC 2818 check has already
 * refused (HttpsClient#checkURLSpoofing), so agreeing with that refusal never narrows what a correct
 * certificate gets. With {@link HostCheckingSslSocketFactory} it is not even asked; it is the second lock.
 */
final class RefusingHostnameVerifier implements HostnameVerifier {
    static final RefusingHostnameVerifier INSTANCE = new RefusingHostnameVerifier();

    private RefusingHostnameVerifier() {
    }

    @Override
    public boolean verify(String hostname, SSLSession session) {
        return false;
    }
}
