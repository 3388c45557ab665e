package dev.oauthagent.agent.token.auth.key;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Loads a private key with the JDK alone: a PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), an encrypted PKCS#8 PEM
 * ({@code BEGIN ENCRYPTED PRIVATE KEY}, as {@code openssl pkcs8 -topk8} or {@code openssl genpkey -aes256} write it),
 * or a PKCS#12 ({@code .p12}/{@code .pfx}) or JKS keystore. The kind is told by the content, never by the file's
 * name: a JKS file starts with 0xFEEDFEED, a PEM with its {@code -----BEGIN} line, anything else is read as PKCS#12.
 * Shared by every method that signs or presents a key (private_key_jwt, mutual TLS).
 */
public final class PrivateKeyFile {
    /** A key or keystore is a few KiB; anything this big is the wrong file. */
    static final long MAX_BYTES = 1024 * 1024;
    private static final String PEM_BEGIN = "-----BEGIN ";

    private PrivateKeyFile() {
    }

    /**
     * @param password the passphrase of an encrypted PEM or the keystore's password (also the key's); null if none
     * @param alias    the keystore entry; null to take its only key
     */
    public static PrivateKey load(Path path, char[] password, String alias) throws KeyLoadException {
        return loadEntry(path, password, alias).key();
    }

    /** As {@link #load}, with the certificate chain a keystore holds beside the key (none for a PEM). */
    public static KeyEntry loadEntry(Path path, char[] password, String alias) throws KeyLoadException {
        byte[] content = read(path, "private-key", "the key's file");
        if (isJks(content)) {
            return fromKeyStore(path, "JKS", content, password, alias);
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        int begin = text.indexOf(PEM_BEGIN);
        if (begin < 0) {
            return fromKeyStore(path, "PKCS12", content, password, alias);
        }
        if (alias != null) {
            throw new KeyLoadException("file " + path + " is a PEM file, which holds one key and no aliases; remove "
                    + "private-key-alias, or point private-key at a keystore");
        }
        return new KeyEntry(fromPem(path, text, password), Collections.<X509Certificate>emptyList());
    }

    /**
     * @param key  the configuration key that names the file, for the fix
     * @param what what the key should point at
     */
    static byte[] read(Path path, String key, String what) throws KeyLoadException {
        String file = "file " + path;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new KeyLoadException(key, file + " is not a regular file; point " + key + " at " + what);
            }
            if (attributes.size() > MAX_BYTES) {
                throw new KeyLoadException(key, file + " is larger than 1 MiB, which no key, certificate or keystore "
                        + "is; point " + key + " at " + what);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new KeyLoadException(key, file + " does not exist; fix the path");
        } catch (AccessDeniedException e) {
            throw new KeyLoadException(key, file + " is not readable (permission denied); grant read access to the "
                    + "JVM's user");
        } catch (IOException | SecurityException e) {
            throw new KeyLoadException(key, file + " cannot be read (" + e.getClass().getSimpleName() + "); fix the path "
                    + "or the file's permissions");
        }
    }

    private static boolean isJks(byte[] content) {
        return content.length >= 4 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xED
                && (content[2] & 0xFF) == 0xFE && (content[3] & 0xFF) == 0xED;
    }

    private static PrivateKey fromPem(Path path, String text, char[] password) throws KeyLoadException {
        String file = "file " + path;
        if (text.contains(PEM_BEGIN + "PRIVATE KEY-----")) {
            if (password != null) {
                throw new KeyLoadException(file + " holds an unencrypted key, but private-key-password is set; "
                        + "remove private-key-password, or encrypt the key (openssl pkcs8 -topk8 -v2 aes256)");
            }
            return pkcs8(path, pemBody(path, text, "PRIVATE KEY"));
        }
        if (text.contains(PEM_BEGIN + "ENCRYPTED PRIVATE KEY-----")) {
            if (password == null) {
                throw new KeyLoadException(file + " holds an encrypted key; set private-key-password to its "
                        + "passphrase, as ${env:NAME} or ${file:/path}");
            }
            return decrypt(path, pemBody(path, text, "ENCRYPTED PRIVATE KEY"), password);
        }
        if (text.contains(PEM_BEGIN + "RSA PRIVATE KEY-----") || text.contains(PEM_BEGIN + "EC PRIVATE KEY-----")) {
            throw new KeyLoadException(file + " holds a key in the older PKCS#1/SEC1 form (BEGIN RSA/EC PRIVATE "
                    + "KEY); convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem");
        }
        throw new KeyLoadException(file + " is a PEM file without a private key (a certificate or public key?); "
                + "point private-key at the PKCS#8 private key (BEGIN PRIVATE KEY)");
    }

    private static byte[] pemBody(Path path, String text, String label) throws KeyLoadException {
        String begin = PEM_BEGIN + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin) + begin.length();
        int to = text.indexOf(end, from);
        if (to < 0) {
            throw new KeyLoadException("file " + path + " has no " + end + " line; the PEM is cut short");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from, to));
        } catch (IllegalArgumentException e) {
            throw new KeyLoadException("file " + path + " has a " + label + " block that is not valid base64");
        }
    }

    private static PrivateKey pkcs8(Path path, byte[] der) throws KeyLoadException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der); // a copy: the decoded bytes are cleared now
        Arrays.fill(der, (byte) 0);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new KeyLoadException("file " + path + " holds a PKCS#8 key that is neither RSA nor EC; use an RSA "
                + "key (RS256, PS256) or an EC P-256 key (ES256)");
    }

    private static PrivateKey decrypt(Path path, byte[] der, char[] password) throws KeyLoadException {
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new KeyLoadException("file " + path + " has an ENCRYPTED PRIVATE KEY block the JDK cannot parse");
        }
        // PBES2 (openssl's default) is named by its parameters ("PBEWithHmacSHA256AndAES_256"), older schemes by
        // the algorithm itself.
        boolean pbes2 = "PBES2".equals(info.getAlgName()) || "1.2.840.113549.1.5.13".equals(info.getAlgName());
        String scheme = pbes2 && info.getAlgParameters() != null ? info.getAlgParameters().toString()
                : info.getAlgName();
        PKCS8EncodedKeySpec spec;
        try {
            Cipher cipher = Cipher.getInstance(scheme);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme)
                    .generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            spec = info.getKeySpec(cipher);
        } catch (InvalidKeySpecException e) {
            throw wrongPassword("file " + path + " could not be decrypted: the passphrase");
        } catch (GeneralSecurityException e) {
            throw new KeyLoadException("file " + path + " is encrypted with " + scheme + ", which this JVM cannot "
                    + "decrypt; re-encrypt it with openssl pkcs8 -topk8 -v2 aes256");
        }
        return pkcs8(path, spec.getEncoded());
    }

    private static KeyLoadException wrongPassword(String what) {
        return new KeyLoadException(what + " in private-key-password is wrong; check the value it refers to");
    }

    private static KeyEntry fromKeyStore(Path path, String type, byte[] content, char[] password, String alias)
            throws KeyLoadException {
        String file = type + " keystore " + path;
        if (password == null) {
            throw new KeyLoadException("file " + path + " is a " + type + " keystore; set private-key-password to "
                    + "its password, as ${env:NAME} or ${file:/path}");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
            store.load(new ByteArrayInputStream(content), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || "PKCS12".equals(type) && isMacFailure(e)) {
                throw wrongPassword("the " + file + " could not be opened: the password");
            }
            throw new KeyLoadException("file " + path + " is neither a PEM key nor a keystore this JVM reads "
                    + "(PKCS#12, JKS); point private-key at a PKCS#8 PEM, a .p12/.pfx or a .jks file");
        } catch (GeneralSecurityException e) {
            throw new KeyLoadException("the " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return entry(store, file, password, alias);
    }

    private static List<X509Certificate> certificates(Certificate[] chain) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : chain == null ? new Certificate[0] : chain) {
            if (c instanceof X509Certificate) {
                certificates.add((X509Certificate) c);
            }
        }
        return certificates;
    }

    private static boolean isMacFailure(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("password") || message.contains("mac");
    }

    private static KeyEntry entry(KeyStore store, String file, char[] password, String alias)
            throws KeyLoadException {
        try {
            List<String> keys = new ArrayList<>();
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a)) {
                    keys.add(a);
                }
            }
            String chosen = alias;
            if (chosen == null) {
                if (keys.size() != 1) {
                    throw new KeyLoadException("the " + file + " holds " + (keys.isEmpty() ? "no private key"
                            : keys.size() + " keys (aliases " + keys + "); set private-key-alias to the one to use"));
                }
                chosen = keys.get(0);
            } else if (!keys.contains(chosen)) {
                throw new KeyLoadException("the " + file + " has no key with alias '" + alias + "'; its keys are "
                        + keys + "; fix private-key-alias");
            }
            Key key = store.getKey(chosen, password);
            if (!(key instanceof PrivateKey)) {
                throw new KeyLoadException("the " + file + " entry '" + chosen + "' is not a private key");
            }
            return new KeyEntry((PrivateKey) key, certificates(store.getCertificateChain(chosen)));
        } catch (UnrecoverableKeyException e) {
            throw wrongPassword("the key in the " + file + " could not be recovered: its password (the keystore's)");
        } catch (GeneralSecurityException e) {
            throw new KeyLoadException("the " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
