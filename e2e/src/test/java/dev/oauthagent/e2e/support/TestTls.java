package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server key and a trust store holding its certificate, made with the {@code keytool} of the JDK
 * the children run on (so nothing binary is checked in and it never expires). The certificate names
 * 127.0.0.1, localhost and every name in {@link HostsFile#NAMES}, so test servers on loopback are trusted under
 * any of those names, and a client checks the certificate for real: no test app turns verification off.
 *
 * <p>Made once per test JVM (three keytool runs, about a second) under e2e/target/e2e-tls.
 */
public final class TestTls {
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    private static TestTls created;

    private final Path keyStore;
    private final Path trustStore;
    private final String password;

    private TestTls(Path keyStore, Path trustStore, String password) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.password = password;
    }

    public static synchronized TestTls get() {
        if (created == null) {
            created = create(E2ePaths.logDir().resolveSibling("e2e-tls").resolve(UUID.randomUUID().toString()));
        }
        return created;
    }

    /** PKCS12 with the server's private key and certificate (alias "server"). */
    public Path keyStore() {
        return keyStore;
    }

    /** PKCS12 with only the server's certificate, as a trusted entry. */
    public Path trustStore() {
        return trustStore;
    }

    /** The password of both stores; a throwaway made for this run. */
    public String password() {
        return password;
    }

    /** JVM options that make a child trust the test servers' certificate (and only it). */
    public List<String> trustStoreJvmArgs() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + password,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    /** For the test JVM's own requests to the test servers: trusts their certificate and nothing else. */
    public SSLContext sslContext() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(trustStore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + trustStore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSL context from " + trustStore, e);
        }
    }

    /** For a test server in the test JVM: presents the server key, trusts nothing of its clients. */
    public SSLContext serverContext() {
        try (var in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + keyStore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a server SSL context from " + keyStore, e);
        }
    }

    private static TestTls create(Path dir) {
        String password = UUID.randomUUID().toString();
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        Path trustStore = dir.resolve("truststore.p12");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        StringBuilder san = new StringBuilder("SAN=ip:127.0.0.1,dns:localhost");
        HostsFile.NAMES.forEach(name -> san.append(",dns:").append(name));
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=oauth-agent e2e test server", "-ext", san.toString(),
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password);
        keytool("-exportcert", "-alias", "server", "-rfc", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", password);
        return new TestTls(keyStore, trustStore, password);
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(E2ePaths.javaBin().resolveSibling("keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool " + args[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
