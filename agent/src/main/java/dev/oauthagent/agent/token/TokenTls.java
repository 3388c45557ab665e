package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS set-up of one client's requests to its authorization server, built by the agent and shared with
 * nothing: whatever the application changed JVM-wide ({@code HttpsURLConnection.setDefaultSSLSocketFactory},
 * {@code setDefaultHostnameVerifier}, {@code SSLContext.setDefault}) does not apply.
 * <ul>
 * <li>Trust: the client's configured truststore, exactly; without one, the JDK's default trust
 * ({@code javax.net.ssl.trustStore}, else the JDK's cacerts) and key material ({@code javax.net.ssl.keyStore},
 * for servers that ask for a client certificate), read as the JDK reads them for its own default.</li>
 * <li>Host names: checked in the handshake ({@link HostCheckingSslSocketFactory}), and the connection's
 * verifier is {@link RefusingHostnameVerifier}, so nothing the application installed can accept another
 * host's certificate.</li>
 * </ul>
 * There is deliberately no trust-all mode. Thread-safe; the context is made once, on first use.
 */
final class TokenTls {
    private final ClientConfig client;
    private volatile SSLSocketFactory factory;

    TokenTls(ClientConfig client) {
        this.client = client;
    }

    /** The factory for this client's connections; every socket it makes checks the host name. */
    SSLSocketFactory socketFactory() throws IOException, GeneralSecurityException {
        SSLSocketFactory f = factory;
        if (f == null) {
            f = new HostCheckingSslSocketFactory(context().getSocketFactory());
            factory = f; // racing first uses make equal factories; either may win
        }
        return f;
    }

    HostnameVerifier hostnameVerifier() {
        return RefusingHostnameVerifier.INSTANCE;
    }

    private SSLContext context() throws IOException, GeneralSecurityException {
        if (client.truststore() == null) {
            // A new instance of the provider's default context, never SSLContext.getDefault(): that one is
            // whatever the application installed. "Default" contexts initialise themselves from the
            // javax.net.ssl.* properties like the JDK's own default (SSLContextImpl.DefaultSSLContext).
            return SSLContext.getInstance("Default");
        }
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, truststoreManagers().getTrustManagers(), null);
        return tls;
    }

    private TrustManagerFactory truststoreManagers() throws IOException, GeneralSecurityException {
        String type = client.truststoreType() == null ? KeyStore.getDefaultType() : client.truststoreType();
        KeyStore store = KeyStore.getInstance(type);
        char[] password = client.truststorePassword() == null ? null
                : client.truststorePassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(client.truststore())) {
            store.load(in, password);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        return trust;
    }
}
