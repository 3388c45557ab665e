package dev.oauthagent.agent.token;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * What legacy applications do to "fix" certificate errors, JVM-wide: a trust-all default socket factory, an
 * allow-all default hostname verifier, or a trust-all default SSLContext. Closing puts back what was there, so a
 * test can loosen the JVM inside try-with-resources (this module's tests run one at a time).
 */
final class LoosenedJvmTls implements AutoCloseable {
    /** The three ways, by the name a test report shows. */
    enum Way {
        TRUST_ALL_SOCKET_FACTORY, ALLOW_ALL_HOSTNAME_VERIFIER, TRUST_ALL_DEFAULT_CONTEXT
    }

    private final SSLSocketFactory factory = HttpsURLConnection.getDefaultSSLSocketFactory();
    private final HostnameVerifier verifier = HttpsURLConnection.getDefaultHostnameVerifier();
    private final SSLContext context;

    private LoosenedJvmTls() throws GeneralSecurityException {
        this.context = SSLContext.getDefault();
    }

    static LoosenedJvmTls apply(Way way) throws GeneralSecurityException {
        LoosenedJvmTls saved = new LoosenedJvmTls();
        switch (way) {
            case TRUST_ALL_SOCKET_FACTORY:
                HttpsURLConnection.setDefaultSSLSocketFactory(trustAll().getSocketFactory());
                break;
            case ALLOW_ALL_HOSTNAME_VERIFIER:
                HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
                break;
            case TRUST_ALL_DEFAULT_CONTEXT:
                SSLContext.setDefault(trustAll());
                break;
            default:
                throw new IllegalArgumentException(way.toString());
        }
        return saved;
    }

    /** The classic copy-pasted trust manager: a plain X509TrustManager that checks nothing. */
    static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }

    @Override
    public void close() {
        HttpsURLConnection.setDefaultSSLSocketFactory(factory);
        HttpsURLConnection.setDefaultHostnameVerifier(verifier);
        SSLContext.setDefault(context);
    }
}
