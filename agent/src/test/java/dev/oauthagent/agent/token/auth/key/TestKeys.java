package dev.oauthagent.agent.token.auth.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/** Keys and key files for tests, made with the JDK alone (keystores with its keytool). */
public final class TestKeys {
    private TestKeys() {
    }

    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    public static KeyPair ec(String curve) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    public static Path pem(Path file, PrivateKey key) throws IOException {
        return writePem(file, "PRIVATE KEY", key.getEncoded());
    }

    /** PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, as {@code openssl pkcs8 -topk8 -v2 aes256} writes it. */
    public static Path encryptedPem(Path file, PrivateKey key, String passphrase)
            throws IOException, GeneralSecurityException {
        String scheme = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(salt);
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance(scheme);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(scheme).generateSecret(
                new PBEKeySpec(passphrase.toCharArray())), new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(key.getEncoded());
        // Named by the scheme's OID (PBES2), as a PKCS#8 file names it; the JDK cannot encode the PBES2 variant's name.
        AlgorithmParameters pbes2 = AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        return writePem(file, "ENCRYPTED PRIVATE KEY", new EncryptedPrivateKeyInfo(pbes2, encrypted).getEncoded());
    }

    private static Path writePem(Path file, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.write(file, ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** A keystore of {@code type} (PKCS12, JKS) with a fresh key pair under each alias, made by keytool. */
    public static Path keyStore(Path file, String type, String password, String keyAlgorithm, String... aliases)
            throws IOException, InterruptedException {
        for (String alias : aliases) {
            keyPairEntry(file, type, password, keyAlgorithm, alias, "+0d", 1);
        }
        return file;
    }

    /**
     * One key pair with a self-signed certificate valid from {@code startDate} (keytool's form, e.g. "-10d") for
     * {@code days}, under {@code alias}.
     */
    public static Path keyPairEntry(Path file, String type, String password, String keyAlgorithm, String alias,
            String startDate, int days) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-keystore", file.toString(), "-storetype", type, "-storepass",
                password, "-keypass", password, "-alias", alias, "-keyalg", keyAlgorithm, "-dname", "CN=" + alias,
                "-startdate", startDate, "-validity", String.valueOf(days)).redirectErrorStream(true).start();
        keytool.getOutputStream().close();
        if (!keytool.waitFor(60, TimeUnit.SECONDS)) {
            keytool.destroyForcibly();
            throw new IOException("keytool did not end");
        }
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }

    /** The certificates as a PEM chain, as {@code openssl x509} writes them, one after the other. */
    public static Path certificatePem(Path file, java.security.cert.X509Certificate... chain)
            throws IOException, GeneralSecurityException {
        StringBuilder pem = new StringBuilder();
        for (java.security.cert.X509Certificate c : chain) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(Base64.getMimeEncoder(64,
                    "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return Files.write(file, pem.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
