package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;
import dev.oauthagent.agent.token.auth.FileStamp;
import dev.oauthagent.agent.token.auth.key.ClientCertificate;
import dev.oauthagent.agent.token.auth.key.KeyLoadException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
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
 * <li>Client certificate: for the mutual-TLS methods (RFC 8705), the client's own certificate and key, in this
 * context only: never installed JVM-wide, so the application's own connections never offer it, and never taken
 * from {@code javax.net.ssl.keyStore}. Loaded again when its files change, so a renewed certificate is presented
 * without a restart.</li>
 * <li>Host names: checked in the handshake ({@link HostCheckingSslSocketFactory}), and the connection's
 * verifier is {@link RefusingHostnameVerifier}, so nothing the application installed can accept another
 * host's certificate.</li>
 * </ul>
 * There is deliberately no trust-all mode. Thread-safe; the context is made once, on first use.
 */
final class TokenTls {
    private final ClientConfig client;
    private volatile Current current;

    TokenTls(ClientConfig client) {
        this.client = client;
    }

    /** A factory and the client certificate files it was made from. */
    private static final class Current {
        final SSLSocketFactory factory;
        final List<FileStamp> certificateFiles;

        Current(SSLSocketFactory factory, List<FileStamp> certificateFiles) {
            this.factory = factory;
            this.certificateFiles = certificateFiles;
        }
    }

    /**
     * The factory for this client's connections; every socket it makes checks the host name.
     *
     * @throws CertificateUnusable the client certificate's files no longer load (changed since start)
     */
    SSLSocketFactory socketFactory() throws IOException, GeneralSecurityException {
        Current c = current;
        List<FileStamp> files = certificateFiles();
        if (c == null || files != null && !files.equals(c.certificateFiles)) {
            c = new Current(new HostCheckingSslSocketFactory(context().getSocketFactory()), files);
            current = c; // racing uses make equal factories; either may win
        }
        return c.factory;
    }

    /** Null without a client certificate; else the stamps of its files, a few system calls per token request. */
    private List<FileStamp> certificateFiles() {
        if (!client.clientAuth().presentsCertificate()) {
            return null;
        }
        return Arrays.asList(FileStamp.of(client.privateKey().path()),
                client.clientCertificate() == null ? null : FileStamp.of(client.clientCertificate()));
    }

    HostnameVerifier hostnameVerifier() {
        return RefusingHostnameVerifier.INSTANCE;
    }

    private SSLContext context() throws IOException, GeneralSecurityException {
        if (client.clientAuth().presentsCertificate()) {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(new KeyManager[] {new ClientCertificateKeyManager(clientCertificate())},
                    client.truststore() == null ? defaultTrust().getTrustManagers()
                            : truststoreManagers().getTrustManagers(), null);
            return tls;
        }
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

    private ClientCertificate clientCertificate() throws CertificateUnusable {
        try {
            return ClientCertificate.load(client.privateKey().path(), client.privateKey().passwordChars(),
                    client.privateKey().alias(), client.clientCertificate(), Instant.now());
        } catch (KeyLoadException e) {
            throw new CertificateUnusable(e.key(), e.getMessage());
        }
    }

    /** The JDK's default trust: javax.net.ssl.trustStore if set, else its cacerts. */
    private static TrustManagerFactory defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init((KeyStore) null);
        return trust;
    }

    /** The client certificate's files do not load now; the message completes "&lt;key&gt; ". */
    static final class CertificateUnusable extends GeneralSecurityException {
        private static final long serialVersionUID = 1L;
        private final String key;

        CertificateUnusable(String key, String message) {
            super(message);
            this.key = key;
        }

        String key() {
            return key;
        }
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
