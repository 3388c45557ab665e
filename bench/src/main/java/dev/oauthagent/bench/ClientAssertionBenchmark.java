package dev.oauthagent.bench;

import dev.oauthagent.agent.token.auth.ClientAssertion;
import dev.oauthagent.agent.token.auth.key.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one client assertion costs the token request that carries it: claims, JSON, base64url and the signature, per
 * algorithm (RSA 2048 for RS256 and PS256, P-256 for ES256, a 44-byte secret for HS256). It runs on the token
 * cache's thread once per token fetched, never on an application's request.
 *
 * <pre>
 * mvn -B -ntp -o -pl bootstrap,agent,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ClientAssertionBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientAssertionBenchmark {
    @Param({"RS256", "PS256", "ES256", "HS256"})
    public String algorithm;

    private SigningAlgorithm signing;
    private Key key;
    private ClientAssertion assertion;

    @Setup
    public void setUp() throws Exception {
        signing = SigningAlgorithm.valueOf(algorithm);
        switch (signing) {
            case HS256:
                key = new SecretKeySpec("bench-client-secret-of-more-than-32-bytes!!".getBytes(StandardCharsets.UTF_8),
                        "HmacSHA256");
                break;
            case ES256:
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                ec.initialize(new ECGenParameterSpec("secp256r1"));
                key = ec.generateKeyPair().getPrivate();
                break;
            default:
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                key = rsa.generateKeyPair().getPrivate();
        }
        assertion = new ClientAssertion("bench-client", "https://auth.example.com/oauth2/token", "bench-key",
                Clock.systemUTC(), new SecureRandom());
    }

    @Benchmark
    public String sign() throws Exception {
        return assertion.sign(signing, key).value();
    }
}
