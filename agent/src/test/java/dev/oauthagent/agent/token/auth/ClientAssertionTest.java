package dev.oauthagent.agent.token.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;
import dev.oauthagent.agent.token.auth.key.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Client assertions (RFC 7523 §3) checked as a server does: the signature with the public key, then the claims. */
class ClientAssertionTest {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private static final String TOKEN_URL = "https://as.example/oauth2/token";
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static ClientAssertion assertion(String keyId) {
        return new ClientAssertion("billing-service", TOKEN_URL, keyId, CLOCK, new SecureRandom());
    }

    @Test
    void rs256IsVerifiedWithTheRsaPublicKeyAndCarriesTheRfc7523Claims() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        String jwt = assertion("key-1").sign(SigningAlgorithm.RS256, rsa.getPrivate()).value();

        assertThat(verify("SHA256withRSA", rsa.getPublic(), jwt)).isTrue();
        assertThat(part(jwt, 0)).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"key-1\"}");
        String claims = part(jwt, 1);
        assertThat(claims).startsWith("{\"iss\":\"billing-service\",\"sub\":\"billing-service\",\"aud\":\""
                + TOKEN_URL + "\",\"jti\":\"").endsWith(",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                + (NOW.getEpochSecond() + 60) + "}");
        assertThat(jti(jwt)).matches("[A-Za-z0-9_-]{22}"); // 128 bits
    }

    @Test
    void ps256IsVerifiedAsRsassaPssWithSha256AndA32ByteSalt() throws Exception {
        KeyPair rsa = TestKeys.rsa();
        ClientAssertion.Signed signed = assertion(null).sign(SigningAlgorithm.PS256, rsa.getPrivate());

        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        assertThat(verify(pss, rsa.getPublic(), signed.value())).isTrue();
        assertThat(part(signed.value(), 0)).isEqualTo("{\"alg\":\"PS256\",\"typ\":\"JWT\"}");
        assertThat(signed.expiresAt()).isEqualTo(NOW.getEpochSecond() + 60);
    }

    @Test
    void es256IsTheJoseFormOfRAndSVerifiedInP1363Form() throws Exception {
        KeyPair ec = TestKeys.ec("secp256r1");
        for (int i = 0; i < 50; i++) { // leading zero bytes in R or S turn up in some of them
            String jwt = assertion(null).sign(SigningAlgorithm.ES256, ec.getPrivate()).value();
            assertThat(Base64.getUrlDecoder().decode(jwt.substring(jwt.lastIndexOf('.') + 1))).hasSize(64);
            assertThat(verify("SHA256withECDSAinP1363Format", ec.getPublic(), jwt)).as(jwt).isTrue();
        }
    }

    @Test
    void hs256IsTheHmacOfTheSigningInputKeyedWithTheSecret() throws Exception {
        byte[] secret = "a-client-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
        String jwt = assertion(null).sign(SigningAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256")).value();

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] expected = mac.doFinal(jwt.substring(0, jwt.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII));
        assertThat(jwt.substring(jwt.lastIndexOf('.') + 1))
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    @Test
    void aClientIdWithQuotesIsEscapedNotBreakingTheJson() throws Exception {
        String jwt = new ClientAssertion("id\"with\\odd\u0001", TOKEN_URL, null, CLOCK, new SecureRandom())
                .sign(SigningAlgorithm.HS256, new SecretKeySpec(new byte[32], "HmacSHA256")).value();

        assertThat(part(jwt, 1)).startsWith("{\"iss\":\"id\\\"with\\\\odd\\u0001\",");
    }

    @Test
    void aThousandConcurrentAssertionsHaveAThousandDistinctJtis() throws Exception {
        KeyPair ec = TestKeys.ec("secp256r1");
        ClientAssertion shared = new ClientAssertion("billing-service", TOKEN_URL, null, CLOCK, ClientAssertion.RANDOM);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> builds = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                builds.add(() -> jti(shared.sign(SigningAlgorithm.ES256, ec.getPrivate()).value()));
            }
            Set<String> jtis = new HashSet<>();
            for (Future<String> f : pool.invokeAll(builds)) {
                jtis.add(f.get());
            }
            assertThat(jtis).hasSize(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean verify(String algorithm, PublicKey key, String jwt) throws Exception {
        return verify(Signature.getInstance(algorithm), key, jwt);
    }

    private static boolean verify(Signature signature, PublicKey key, String jwt) throws Exception {
        int dot = jwt.lastIndexOf('.');
        signature.initVerify(key);
        signature.update(jwt.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(jwt.substring(dot + 1)));
    }

    static String part(String jwt, int index) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    private static String jti(String jwt) {
        Matcher m = Pattern.compile("\"jti\":\"([^\"]+)\"").matcher(part(jwt, 1));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
