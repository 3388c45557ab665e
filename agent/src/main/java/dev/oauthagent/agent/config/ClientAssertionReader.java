package dev.oauthagent.agent.config;

import dev.oauthagent.agent.token.auth.key.ClientCertificate;
import dev.oauthagent.agent.token.auth.key.JwsSigner;
import dev.oauthagent.agent.token.auth.key.KeyLoadException;
import dev.oauthagent.agent.token.auth.key.PrivateKeyFile;
import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;

/**
 * Reads the keys of the client-assertion methods (private_key_jwt, client_secret_jwt): private-key and its password
 * and alias, signing-algorithm, key-id and client-assertion-audience; and of the mutual-TLS methods
 * (tls_client_auth, self_signed_tls_client_auth): private-key, its password and alias, and client-certificate. A private key is loaded once here, so that an
 * unreadable file, a wrong passphrase or a key that does not fit the algorithm stops the client at start with a
 * message naming the key to fix; none of them ever repeats the key or the password.
 */
final class ClientAssertionReader {
    /** RFC 7518 §3.2: an HS256 key is at least as long as the hash, 256 bits. */
    static final int MIN_HS256_SECRET_BYTES = 32;
    private static final KnownKey[] KEY_FILE_KEYS = {KnownKeys.PRIVATE_KEY, KnownKeys.PRIVATE_KEY_PASSWORD,
            KnownKeys.PRIVATE_KEY_ALIAS};
    /** What only a signed client assertion uses. */
    private static final KnownKey[] SIGNING_KEYS = {KnownKeys.SIGNING_ALGORITHM, KnownKeys.KEY_ID,
            KnownKeys.CLIENT_ASSERTION_AUDIENCE};
    private static final KnownKey[] ALL_KEYS = {KnownKeys.PRIVATE_KEY, KnownKeys.PRIVATE_KEY_PASSWORD,
            KnownKeys.PRIVATE_KEY_ALIAS, KnownKeys.SIGNING_ALGORITHM, KnownKeys.KEY_ID,
            KnownKeys.CLIENT_ASSERTION_AUDIENCE};

    private final String name;
    private final Settings settings;
    private final ProblemList problems;
    private Secret password;
    private PrivateKeyConfig privateKey;
    private Path clientCertificate;
    private SigningAlgorithm algorithm;
    private String keyId;
    private AssertionAudience audience = AssertionAudience.TOKEN_ENDPOINT;
    private Secret federated;
    private String federatedType;

    private ClientAssertionReader(String name, Settings settings, ProblemList problems) {
        this.name = name;
        this.settings = settings;
        this.problems = problems;
    }

    /**
     * @param clientAuth   null when invalid (then only the password is read, to be scrubbed)
     * @param clientSecret the secret client_secret_jwt signs with; null when unset or invalid
     * @param passwords    resolves private-key-password's reference
     * @param assertions   resolves client-assertion's reference
     */
    static ClientAssertionReader read(String name, Settings settings, ProblemList problems,
            ClientAuthMethod clientAuth, Secret clientSecret, ValueParser<Secret> passwords,
            ValueParser<Secret> assertions) {
        ClientAssertionReader reader = new ClientAssertionReader(name, settings, problems);
        reader.password = reader.value(KnownKeys.PRIVATE_KEY_PASSWORD, passwords);
        if (clientAuth == ClientAuthMethod.CLIENT_ASSERTION) {
            reader.readFederated(assertions);
        } else if (clientAuth != null) {
            if (!reader.isUnset(KnownKeys.CLIENT_ASSERTION_TYPE)) {
                reader.invalid(KnownKeys.CLIENT_ASSERTION_TYPE, "has no effect without "
                        + KnownKeys.CLIENT_ASSERTION.fullKey(name) + "; set it, or remove this key");
            }
            reader.read(clientAuth, clientSecret);
        }
        return reader;
    }

    Secret password() { return password; }
    PrivateKeyConfig privateKey() { return privateKey; }
    /** The mutual-TLS methods' PEM chain; null otherwise, or when the keystore in private-key holds it. */
    Path clientCertificate() { return clientCertificate; }
    SigningAlgorithm algorithm() { return algorithm; }
    String keyId() { return keyId; }
    AssertionAudience audience() { return audience; }
    /** The federated assertion as read at start; null unless client-assertion is set and valid. */
    Secret federated() { return federated; }
    String federatedType() { return federatedType; }

    /**
     * client-assertion: only a reference, since an assertion expires within minutes or hours and the platform
     * renews the file; a JWT when its type is jwt-bearer. Whether it expired is told at each token request, where
     * the file is read again anyway.
     */
    private void readFederated(ValueParser<Secret> assertions) {
        refuseSet(ALL_KEYS, "has no effect with " + KnownKeys.CLIENT_ASSERTION.fullKey(name) + ", which sends the "
                + "assertion as it is in its file; remove this key");
        String type = value(KnownKeys.CLIENT_ASSERTION_TYPE, ValueParsers.TEXT);
        federatedType = type == null ? KnownKeys.CLIENT_ASSERTION_TYPE.defaultValue() : type;
        if (!SecretReferences.looksLikeReference(settings.get(KnownKeys.CLIENT_ASSERTION.fullKey(name)).value)) {
            invalid(KnownKeys.CLIENT_ASSERTION, "is written as a literal, but an assertion expires and the platform "
                    + "renews its file; write ${file:/path} naming that file, e.g. "
                    + KnownKeys.CLIENT_ASSERTION.example() + " (the value is not repeated here)");
            return;
        }
        Secret assertion = value(KnownKeys.CLIENT_ASSERTION, assertions);
        if (assertion == null) {
            return;
        }
        if (federatedType.equals(KnownKeys.CLIENT_ASSERTION_TYPE.defaultValue()) && !looksLikeJwt(assertion.reveal())) {
            invalid(KnownKeys.CLIENT_ASSERTION, "refers to " + assertion.origin() + ", which does not hold a JWT "
                    + "(three base64url parts joined by dots); point it at the token file the platform writes");
            return;
        }
        federated = assertion;
    }

    static boolean looksLikeJwt(String value) {
        String[] parts = value.trim().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return false;
        }
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                    return false;
                }
            }
        }
        return true;
    }

    private void read(ClientAuthMethod clientAuth, Secret clientSecret) {
        String method = KnownKeys.CLIENT_AUTH.fullKey(name) + "=" + clientAuth.configName();
        if (clientAuth.presentsCertificate()) {
            readCertificate(method);
            return;
        }
        if (!isUnset(KnownKeys.CLIENT_CERTIFICATE)) {
            invalid(KnownKeys.CLIENT_CERTIFICATE, "has no effect with " + method + "; set client-auth to "
                    + "tls_client_auth or self_signed_tls_client_auth, or remove this key");
        }
        if (!clientAuth.sendsAssertion()) {
            refuseSet(ALL_KEYS, "has no effect with " + method + "; set client-auth to private_key_jwt or "
                    + "client_secret_jwt, or remove this key");
            return;
        }
        keyId = value(KnownKeys.KEY_ID, ValueParsers.TEXT);
        AssertionAudience configured = value(KnownKeys.CLIENT_ASSERTION_AUDIENCE, ValueParsers.ASSERTION_AUDIENCE);
        audience = configured == null ? AssertionAudience.TOKEN_ENDPOINT : configured;
        if (audience == AssertionAudience.ISSUER && isUnset(KnownKeys.ISSUER)) {
            invalid(KnownKeys.CLIENT_ASSERTION_AUDIENCE, "is issuer, but " + KnownKeys.ISSUER.fullKey(name)
                    + " is not set; configure the server by issuer instead of token-url, or use token-endpoint");
        }
        if (clientAuth == ClientAuthMethod.CLIENT_SECRET_JWT) {
            readSecretJwt(method, clientSecret);
        } else {
            readPrivateKey();
        }
    }

    private void readSecretJwt(String method, Secret clientSecret) {
        refuseSet(KEY_FILE_KEYS, "has no effect with " + method + ", which signs with client-secret; remove this "
                + "key, or set client-auth=private_key_jwt");
        SigningAlgorithm configured = isUnset(KnownKeys.SIGNING_ALGORITHM) ? null
                : value(KnownKeys.SIGNING_ALGORITHM, ValueParsers.SIGNING_ALGORITHM);
        if (configured != null) {
            invalid(KnownKeys.SIGNING_ALGORITHM, "is " + configured + ", but " + method + " signs with HS256 only; "
                    + "remove this key, or set client-auth=private_key_jwt to sign with a private key");
        }
        algorithm = SigningAlgorithm.HS256;
        if (clientSecret != null && clientSecret.reveal().getBytes(StandardCharsets.UTF_8).length
                < MIN_HS256_SECRET_BYTES) {
            problems.add(KnownKeys.CLIENT_SECRET.fullKey(name), "is shorter than " + MIN_HS256_SECRET_BYTES
                    + " bytes (from " + clientSecret.origin() + "), too short a key for HS256 (RFC 7518 §3.2), "
                    + "which servers refuse; have the server issue a longer secret for " + method);
        }
    }

    private void readPrivateKey() {
        String keyName = KnownKeys.PRIVATE_KEY.fullKey(name);
        if (isUnset(KnownKeys.PRIVATE_KEY)) {
            problems.add(keyName, "is required with client-auth=private_key_jwt; set it to the client's private key, "
                    + "e.g. " + keyName + "=" + KnownKeys.PRIVATE_KEY.example() + " (PKCS#8 PEM, .p12 or .jks)");
            return;
        }
        SigningAlgorithm configured = value(KnownKeys.SIGNING_ALGORITHM, ValueParsers.SIGNING_ALGORITHM);
        String alias = value(KnownKeys.PRIVATE_KEY_ALIAS, ValueParsers.TEXT);
        Path path = value(KnownKeys.PRIVATE_KEY, ValueParsers.KEY_FILE);
        if (path == null || (password == null && !isUnset(KnownKeys.PRIVATE_KEY_PASSWORD))) {
            return;
        }
        PrivateKeyConfig config = new PrivateKeyConfig(path, password, alias);
        PrivateKey key;
        try {
            key = PrivateKeyFile.load(path, config.passwordChars(), alias);
        } catch (KeyLoadException e) {
            invalid(KnownKeys.PRIVATE_KEY, e.getMessage());
            return;
        }
        SigningAlgorithm chosen = configured != null ? configured : SigningAlgorithm.defaultFor(key);
        String held = "the key in " + path + " ";
        if (chosen == null) {
            invalid(KnownKeys.PRIVATE_KEY, held + "is " + SigningAlgorithm.describe(key) + ", which none of RS256, "
                    + "PS256 and ES256 signs with; use an RSA key or an EC key on the P-256 curve");
            return;
        }
        String mismatch = chosen.mismatch(key);
        String cannot = mismatch == null ? JwsSigner.cannotSign(chosen) : null;
        KnownKey blamed = configured != null ? KnownKeys.SIGNING_ALGORITHM : KnownKeys.PRIVATE_KEY;
        if (mismatch != null || cannot != null) {
            invalid(blamed, "is " + chosen + (configured == null ? " (what the key implies)" : "") + ", but " + held
                    + (mismatch != null ? mismatch : "is " + SigningAlgorithm.describe(key) + ", and " + cannot));
            return;
        }
        privateKey = config;
        algorithm = chosen;
    }

    /**
     * The mutual-TLS methods: the key and its certificate are loaded once here, so that a file that cannot be read,
     * a wrong password, a key that is not the certificate's, or a certificate outside its validity stops the client
     * at start, not at its first token request.
     */
    private void readCertificate(String method) {
        refuseSet(SIGNING_KEYS, "has no effect with " + method + ", which signs no client assertion; remove this key");
        String keyName = KnownKeys.PRIVATE_KEY.fullKey(name);
        if (isUnset(KnownKeys.PRIVATE_KEY)) {
            problems.add(keyName, "is required with " + method + "; set it to the client's private key, a PKCS#8 "
                    + "PEM with " + KnownKeys.CLIENT_CERTIFICATE.fullKey(name) + " beside it, or a .p12/.jks keystore "
                    + "holding the key and its certificate, e.g. " + keyName + "=" + KnownKeys.PRIVATE_KEY.example());
            return;
        }
        String alias = value(KnownKeys.PRIVATE_KEY_ALIAS, ValueParsers.TEXT);
        Path path = value(KnownKeys.PRIVATE_KEY, ValueParsers.KEY_FILE);
        Path certificate = value(KnownKeys.CLIENT_CERTIFICATE, ValueParsers.READABLE_FILE);
        if (path == null || (certificate == null && !isUnset(KnownKeys.CLIENT_CERTIFICATE))
                || (password == null && !isUnset(KnownKeys.PRIVATE_KEY_PASSWORD))) {
            return;
        }
        PrivateKeyConfig config = new PrivateKeyConfig(path, password, alias);
        try {
            ClientCertificate.load(path, config.passwordChars(), alias, certificate, Instant.now());
        } catch (KeyLoadException e) {
            invalid(KnownKeys.CLIENT_CERTIFICATE.name().equals(e.key()) ? KnownKeys.CLIENT_CERTIFICATE
                    : KnownKeys.PRIVATE_KEY, e.getMessage());
            return;
        }
        privateKey = config;
        clientCertificate = certificate;
    }

    private void refuseSet(KnownKey[] keys, String message) {
        for (KnownKey key : keys) {
            if (!isUnset(key)) {
                invalid(key, message);
            }
        }
    }

    private <T> T value(KnownKey key, ValueParser<T> parser) {
        SourcedValue v = settings.get(key.fullKey(name));
        if (v == null || v.value.isEmpty()) {
            return null;
        }
        try {
            return parser.parse(v.value);
        } catch (InvalidValueException e) {
            invalid(key, e.getMessage());
            return null;
        }
    }

    private boolean isUnset(KnownKey key) {
        SourcedValue v = settings.get(key.fullKey(name));
        return v == null || v.value.isEmpty();
    }

    private void invalid(KnownKey key, String message) {
        SourcedValue v = settings.get(key.fullKey(name));
        problems.add(key.fullKey(name), message + (v == null ? "" : " (from " + v.origin + ")"));
    }
}
