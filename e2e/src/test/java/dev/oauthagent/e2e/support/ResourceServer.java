package dev.oauthagent.e2e.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The protected API (test-apps/resource-server) in its own JVM on a free port of 127.0.0.1: it accepts only
 * tokens from one auth server (signature via its JWKS, expiry with no clock skew, issuer, audience).
 * Seconds to start, so share one per test class.
 */
public final class ResourceServer implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("^RESOURCE_SERVER_READY url=(https?://127\\.0\\.0\\.1:\\d+)$");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final JavaProcess process;
    private final URI url;

    private ResourceServer(JavaProcess process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Trusts {@code authServer}'s issuer and audience (and its TLS certificate, if it serves https). */
    public static ResourceServer start(AuthServer authServer) {
        return start(authServer.issuer(), authServer.audience(), authServer.tls(), Map.of());
    }

    /**
     * Like {@link #start(AuthServer)}, accepting a token up to {@code leeway} after its {@code exp}: for a test
     * whose point is not the exact expiry, so that a request that spent long in flight on a loaded machine is not
     * refused.
     */
    public static ResourceServer startWithClockSkew(AuthServer authServer, Duration leeway) {
        return start(authServer.issuer(), authServer.audience(), authServer.tls(), Map.of(),
                "--clock-skew=" + leeway.toMillis() + "ms");
    }

    /**
     * Like {@link #start(AuthServer)}, also speaking HTTP/2 over cleartext: a client that offers
     * {@code Upgrade: h2c} (java.net.http does by default) is switched to HTTP/2 on its first request.
     */
    public static ResourceServer startWithH2c(AuthServer authServer) {
        return start(authServer.issuer(), authServer.audience(), authServer.tls(), Map.of(),
                "--server.http2.enabled=true");
    }

    /**
     * Like {@link #start(AuthServer)}, serving https with {@code tls}'s key and offering HTTP/2 (ALPN "h2");
     * a client needs {@link TestTls#trustStoreJvmArgs()}.
     */
    public static ResourceServer startWithHttp2OverTls(AuthServer authServer, TestTls tls) {
        return start(authServer.issuer(), authServer.audience(), authServer.tls(), Map.of(
                "SERVER_SSL_KEYSTOREPASSWORD", tls.password()),
                "--server.http2.enabled=true", "--server.ssl.key-store=" + tls.keyStore(),
                "--server.ssl.key-store-type=PKCS12", "--server.ssl.key-alias=server");
    }

    /**
     * Like {@link #start(AuthServer)}, serving https with {@code tls}'s key, asking for client certificates
     * (client-auth=want, trusting the PKCS12 {@code clientTrust}) and accepting a certificate-bound token (cnf.x5t#S256)
     * only from a connection presenting that certificate; a client needs {@link TestTls#trustStoreJvmArgs()}.
     */
    public static ResourceServer startCheckingCertificateBinding(AuthServer authServer, TestTls tls,
            java.nio.file.Path clientTrust, String clientTrustPassword) {
        return start(authServer.issuer(), authServer.audience(), authServer.tls(), Map.of(
                "SERVER_SSL_KEYSTOREPASSWORD", tls.password(), "SERVER_SSL_TRUSTSTOREPASSWORD", clientTrustPassword),
                "--server.ssl.key-store=" + tls.keyStore(), "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-alias=server", "--server.ssl.client-auth=want",
                "--server.ssl.trust-store=" + clientTrust, "--server.ssl.trust-store-type=PKCS12",
                "--check-certificate-binding=true");
    }

    /** Trusts tokens whose {@code iss} is {@code issuer} (keys from its /oauth2/jwks) and whose {@code aud} has {@code audience}. */
    public static ResourceServer start(URI issuer, String audience) {
        return start(issuer, audience, null, Map.of());
    }

    private static ResourceServer start(URI issuer, String audience, TestTls issuerTls, Map<String, String> env,
                                        String... serverOptions) {
        JavaProcessBuilder builder = JavaProcess.builder("resource-server")
                .jar(E2ePaths.testApp("resource-server"))
                .args("--port=0", "--issuer=" + issuer, "--audience=" + audience)
                .args(serverOptions);
        env.forEach(builder::env);
        if (issuerTls != null) {
            builder.jvmArgs(issuerTls.trustStoreJvmArgs().toArray(String[]::new));
        }
        JavaProcess process = builder.start();
        return new ResourceServer(process, ReadyUrl.await(process, READY, READY_TIMEOUT));
    }

    /** {@code http://127.0.0.1:<port>}, or https for {@link #startWithHttp2OverTls} */
    public URI url() {
        return url;
    }

    /** {@code GET} here answers the token's {@code sub} and {@code scope} as JSON. */
    public URI helloUrl() {
        return url.resolve("/api/hello");
    }

    /** {@code POST} here answers the request body's {@code length} as JSON. */
    public URI echoUrl() {
        return url.resolve("/api/echo");
    }

    /** How many /api requests were accepted (2xx) and rejected (401/403) so far. */
    public Map<String, Object> stats() {
        Http.Response response = Http.get(url.resolve("/stats"), null);
        if (response.status() != 200) {
            throw new AssertionError("GET /stats answered " + response.status() + ": " + response.body());
        }
        return Json.parseObject(response.body());
    }

    public long accepted() {
        return (Long) stats().get("accepted");
    }

    public long rejected() {
        return (Long) stats().get("rejected");
    }

    /** How many different tokens /api accepted so far. */
    public long acceptedTokens() {
        return (Long) stats().get("tokens");
    }

    public JavaProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return "ResourceServer[" + url + "]";
    }
}
