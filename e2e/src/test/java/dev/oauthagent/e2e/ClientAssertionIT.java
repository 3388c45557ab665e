package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.e2e.support.AuthServer;
import dev.oauthagent.e2e.support.ClientJwks;
import dev.oauthagent.e2e.support.CloseAll;
import dev.oauthagent.e2e.support.E2ePaths;
import dev.oauthagent.e2e.support.JavaProcess;
import dev.oauthagent.e2e.support.ResourceServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * private_key_jwt and client_secret_jwt under the agent against the real Spring Authorization Server: the server
 * fetches the clients' public keys from a JWK set this test serves, checks each client assertion the agent signs,
 * and the protected API accepts the tokens it issues; so does an assertion signed by another party and read from a
 * file (a federated assertion), and one past its exp is not sent. Neither the key, its password, the secret nor an assertion
 * shows in the application's output.
 */
class ClientAssertionIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String KEY_PASSWORD = "store-pw-" + UUID.randomUUID();

    @TempDir
    static Path dir;

    private static ClientJwks jwks;
    private static AuthServer auth;
    private static ResourceServer api;
    private static Path rsaStore;
    private static Path ecPem;
    private static String ecPemBody;
    private static KeyPair ec;

    @BeforeAll
    static void start() throws Exception {
        rsaStore = keytoolRsaStore(dir.resolve("client.p12"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ec = generator.generateKeyPair();
        ecPemBody = Base64.getMimeEncoder().encodeToString(ec.getPrivate().getEncoded());
        ecPem = Files.writeString(dir.resolve("ec.pem"), "-----BEGIN PRIVATE KEY-----\n" + ecPemBody
                + "\n-----END PRIVATE KEY-----\n");
        jwks = ClientJwks.serve("rsa-1", publicKeyOf(rsaStore), "ec-1", ec.getPublic());
        auth = AuthServer.builder().clientJwkSetUrl(jwks.url()).start();
        api = ResourceServer.start(auth);
    }

    @AfterAll
    static void stop() {
        CloseAll.of(api, auth, jwks);
    }

    @Test
    void privateKeyJwtWithAnRsaKeyFromAPkcs12KeystoreGetsTokensTheApiAccepts() throws Exception {
        assertCallsSucceed(AuthServer.JWT_RSA_CLIENT_ID, config(AuthServer.JWT_RSA_CLIENT_ID,
                "client-auth=private_key_jwt",
                "private-key=" + rsaStore,
                "private-key-password=${env:KEY_PASSWORD}",
                "key-id=rsa-1"));
    }

    @Test
    void privateKeyJwtWithAnEcP256PemSignsEs256AndGetsTokensTheApiAccepts() throws Exception {
        assertCallsSucceed(AuthServer.JWT_EC_CLIENT_ID, config(AuthServer.JWT_EC_CLIENT_ID,
                "client-auth=private_key_jwt",
                "private-key=" + ecPem,
                "client-assertion-audience=issuer",
                "issuer=" + auth.issuer()));
    }

    @Test
    void clientSecretJwtGetsTokensTheApiAccepts() throws Exception {
        assertCallsSucceed(AuthServer.SECRET_JWT_CLIENT_ID, config(AuthServer.SECRET_JWT_CLIENT_ID,
                "client-auth=client_secret_jwt",
                "client-secret=${env:SECRET_JWT}"));
    }

    /** The client is registered for its assertion method only: a token granted to it proves the assertion passed. */
    /**
     * A federated assertion: a JWT another party signed (here the test, with the EC client's registered key), read
     * from a file the agent never writes. Spring Authorization Server checks it as it checks a private_key_jwt one.
     */
    @Test
    void aFederatedAssertionFromAFileGetsTokensTheApiAccepts() throws Exception {
        Path token = Files.writeString(dir.resolve("oidc-token"),
                signedEs256(AuthServer.JWT_EC_CLIENT_ID, Instant.now().getEpochSecond() + 300) + "\n");
        assertCallsSucceed(AuthServer.JWT_EC_CLIENT_ID, config(AuthServer.JWT_EC_CLIENT_ID,
                "client-assertion=${file:" + token + "}"));
    }

    @Test
    void anExpiredFederatedAssertionIsNotSentAndTheApplicationIsToldWhy() throws Exception {
        Path token = Files.writeString(dir.resolve("expired-token"),
                signedEs256(AuthServer.JWT_EC_CLIENT_ID, Instant.now().getEpochSecond() - 60));
        long refused = auth.tokenRequests(AuthServer.JWT_EC_CLIENT_ID, "client_credentials", 401);
        Path config = config(AuthServer.JWT_EC_CLIENT_ID, "client-assertion=${file:" + token + "}",
                "wait-timeout=2s");

        try (JavaProcess app = JavaProcess.builder("urlconnection-app")
                .jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .args("--url=" + api.helloUrl())
                .start()) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isEqualTo(1);
            assertThat(app.stdout()).contains("DONE ok=0 failed=1");
            assertThat(app.stderr()).contains("client 'api': token request failed: ")
                    .contains("the client assertion in file " + token + " expired ").doesNotContain("eyJ");
        }
        assertThat(auth.tokenRequests(AuthServer.JWT_EC_CLIENT_ID, "client_credentials", 401)).isEqualTo(refused);
    }

    /** An RFC 7523 assertion for {@code clientId}, signed ES256 with the EC key the server knows as ec-1. */
    private static String signedEs256(String clientId, long exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}".getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(("{\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId + "\",\"aud\":\""
                + auth.tokenUrl() + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + (exp - 360) + ",\"exp\":"
                + exp + "}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(ec.getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(signature.sign());
    }

    private static void assertCallsSucceed(String clientId, Path config) throws Exception {
        long accepted = api.accepted();
        long granted = auth.tokenRequests(clientId, "client_credentials", 200);
        try (JavaProcess app = JavaProcess.builder("urlconnection-app")
                .jar(E2ePaths.testApp("urlconnection-app"))
                .javaAgent(E2ePaths.agentJar(), "config=" + config)
                .env("KEY_PASSWORD", KEY_PASSWORD)
                .env("SECRET_JWT", auth.secretJwtClientSecret())
                .args("--url=" + api.helloUrl(), "--requests=2")
                .start()) {
            assertThat(app.awaitExit(WAIT)).as(app.stdout() + app.stderr()).isZero();
            assertThat(app.stdout()).contains("DONE ok=2 failed=0");
            String output = app.stdout() + app.stderr();
            assertThat(output).doesNotContain("eyJ").doesNotContain(KEY_PASSWORD)
                    .doesNotContain(auth.secretJwtClientSecret()).doesNotContain(ecPemBody.substring(0, 40));
        }
        assertThat(api.accepted()).isEqualTo(accepted + 2);
        assertThat(auth.tokenRequests(clientId, "client_credentials", 200)).isGreaterThan(granted);
    }

    /** The client's lines; with issuer set, no token-url (the two exclude each other). */
    private static Path config(String clientId, String... lines) throws IOException {
        String p = "oauth.agent.clients.api.";
        StringBuilder text = new StringBuilder();
        boolean issuer = false;
        for (String line : lines) {
            text.append(p).append(line).append('\n');
            issuer |= line.startsWith("issuer=");
        }
        if (!issuer) {
            text.append(p).append("token-url=").append(auth.tokenUrl()).append('\n');
        }
        text.append(p).append("client-id=").append(clientId).append('\n')
                .append(p).append("hosts=127.0.0.1:").append(api.url().getPort()).append('\n')
                .append(p).append("paths=/api\n")
                .append(p).append("allow-http=true\n");
        return Files.writeString(dir.resolve(clientId + ".properties"), text.toString());
    }

    private static Path keytoolRsaStore(Path file) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", KEY_PASSWORD,
                "-keypass", KEY_PASSWORD, "-alias", "client", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=jwt-rsa-client", "-validity", "1").redirectErrorStream(true).start();
        keytool.getOutputStream().close();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        return file;
    }

    private static PublicKey publicKeyOf(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, KEY_PASSWORD.toCharArray());
        }
        return keyStore.getCertificate("client").getPublicKey();
    }
}
