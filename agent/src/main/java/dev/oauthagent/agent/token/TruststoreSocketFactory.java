package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * An SSLSocketFactory that trusts exactly the certificates in the client's configured truststore, for that
 * client's token connections only: the JVM-wide default (and the application's TLS) stays untouched.
 * Verification stays on: this only changes which CAs are trusted. There is deliberately no trust-all mode.
 */
final class TruststoreSocketFactory {
    private TruststoreSocketFactory() {
    }

    static SSLSocketFactory load(ClientConfig client) throws IOException, GeneralSecurityException {
        String type = client.truststoreType() == null ? KeyStore.getDefaultType() : client.truststoreType();
        KeyStore store = KeyStore.getInstance(type);
        char[] password = client.truststorePassword() == null ? null
                : client.truststorePassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(client.truststore())) {
            store.load(in, password);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls.getSocketFactory();
    }
}
