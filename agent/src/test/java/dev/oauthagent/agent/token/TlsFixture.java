package dev.oauthagent.agent.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Server certificates and client truststores made with the JDK's keytool at test time, so no key material is
 * checked in: per alias a server key store and a truststore holding only that alias's certificate.
 * "loopback" is issued for 127.0.0.1, "othername" for other.example only. The two aliases are made in
 * parallel: each keytool run is a JVM start, and they dominate this fixture's cost.
 */
public final class TlsFixture {
    public static final String STORE_PASSWORD = "server-store-pass";
    public static final String TRUST_PASSWORD = "trust-store-pass";
    private static final String[] ALIASES = {"loopback", "othername"};

    private final Path dir;

    private TlsFixture(Path dir) {
        this.dir = dir;
    }

    public static TlsFixture create(Path dir) throws Exception {
        TlsFixture fixture = new TlsFixture(dir);
        ExecutorService pool = Executors.newFixedThreadPool(ALIASES.length);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String alias : ALIASES) {
                runs.add(pool.submit(() -> {
                    fixture.make(alias);
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return fixture;
    }

    public Path serverStore(String alias) {
        return dir.resolve("server-" + alias + ".p12");
    }

    /** A PKCS12 truststore, password {@link #TRUST_PASSWORD}, trusting only {@code alias}'s certificate. */
    public Path truststore(String alias) {
        return dir.resolve("trust-" + alias + ".p12");
    }

    private void make(String alias) throws IOException, InterruptedException {
        String san = alias.equals("loopback") ? "ip:127.0.0.1" : "dns:other.example";
        Path cert = dir.resolve(alias + ".cer");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + alias, "-ext", "san=" + san, "-validity", "2",
                "-keystore", serverStore(alias).toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", alias, "-keystore", serverStore(alias).toString(), "-storepass",
                STORE_PASSWORD, "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
                "-keystore", truststore(alias).toString(), "-storetype", "PKCS12", "-storepass", TRUST_PASSWORD);
    }

    /** A server context presenting only the certificate under {@code alias}. */
    public SSLContext serverContext(String alias) throws IOException, GeneralSecurityException {
        return serverContext(alias, null);
    }

    /** The same, judging client certificates with {@code clientTrust} (null: the JDK's default trust). */
    public SSLContext serverContext(String alias, javax.net.ssl.TrustManager[] clientTrust)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore(alias))) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), clientTrust, null);
        return tls;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + command + "\n" + output);
        }
    }
}
