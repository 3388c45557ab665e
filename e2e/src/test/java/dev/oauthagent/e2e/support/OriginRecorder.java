package dev.oauthagent.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The "other origin" (test-apps/origin-recorder) in its own JVM: answers 200 to anything and records each
 * request as {@code <METHOD> <path>[?query] authorization=<none | scheme fp=<8 hex>>}, the fingerprint being
 * the first 8 hex digits of the credentials' SHA-256 (as {@code AccessToken.fingerprint()}), so a leaked token
 * never lands in a build log. Anything but {@code authorization=none} here is a leak. Starts in under a second.
 */
public final class OriginRecorder implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("^ORIGIN_RECORDER_READY url=(https?://127\\.0\\.0\\.1:\\d+)$");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final JavaProcess process;
    private final URI url;

    private OriginRecorder(JavaProcess process, URI url) {
        this.process = process;
        this.url = url;
    }

    public static OriginRecorder start() {
        return start(JavaProcess.builder("origin-recorder"));
    }

    /** A recorder serving https with {@code tls}'s key; a client needs {@link TestTls#trustStoreJvmArgs()}. */
    public static OriginRecorder startTls(TestTls tls) {
        return start(JavaProcess.builder("origin-recorder-tls")
                .env("TLS_KEYSTORE_PASSWORD", tls.password())
                .args("--tls-keystore=" + tls.keyStore()));
    }

    private static OriginRecorder start(JavaProcessBuilder builder) {
        JavaProcess process = builder.jar(E2ePaths.testApp("origin-recorder")).args("--port=0").start();
        return new OriginRecorder(process, ReadyUrl.await(process, READY, READY_TIMEOUT));
    }

    /** {@code http://127.0.0.1:<port>}, or https for {@link #startTls(TestTls)} */
    public URI url() {
        return url;
    }

    /** A URL here that answers {@code status} with {@code Location: location}. */
    public URI redirectUrl(int status, String location) {
        return url.resolve("/redirect?status=" + status + "&location="
                + URLEncoder.encode(location, StandardCharsets.UTF_8));
    }

    /** How the recorder writes an Authorization header value, e.g. {@code "Bearer fp=1a2b3c4d"}. */
    public static String describeAuthorization(String scheme, String credentials) {
        return scheme + " fp=" + fingerprint(credentials);
    }

    /** Every request recorded so far, oldest first. */
    public List<String> recorded() {
        Http.Response response = Http.get(url.resolve("/__recorded"), null);
        if (response.status() != 200) {
            throw new AssertionError("GET /__recorded answered " + response.status());
        }
        return response.body().lines().toList();
    }

    /**
     * The next {@code count} requests (other than the recorder's own /__ paths) are answered 401 with
     * {@code WWW-Authenticate: Bearer error="invalid_token"}, as a resource server answers a revoked token.
     */
    public void rejectNext(int count) {
        rejectNext(count, "/");
    }

    /** The next {@code count} requests whose path starts with {@code pathPrefix} get 401 invalid_token. */
    public void rejectNext(int count, String pathPrefix) {
        Http.Response response = Http.post(url.resolve("/__reject-next?count=" + count + "&path=" + pathPrefix),
                null, "");
        if (response.status() != 200) {
            throw new AssertionError("POST /__reject-next answered " + response.status());
        }
    }

    /** The Authorization values /__echo-authorization has sent back (to the app under test), oldest first. */
    public List<String> echoedAuthorizations() {
        Http.Response response = Http.get(url.resolve("/__echoed"), null);
        if (response.status() != 200) {
            throw new AssertionError("GET /__echoed answered " + response.status());
        }
        return response.body().lines().filter(line -> !line.isEmpty()).toList();
    }

    /** The URL a test app fetches to get (and then carelessly log) the Authorization value the agent added. */
    public URI echoAuthorizationUrl() {
        return url.resolve("/__echo-authorization");
    }

    /** The port, e.g. to reach this recorder under another host name that resolves to 127.0.0.1. */
    public int port() {
        return url.getPort();
    }

    /** Forgets what was recorded, so a test sees only its own requests. */
    public void reset() {
        Http.Response response = Http.post(url.resolve("/__reset"), null, "");
        if (response.status() != 200) {
            throw new AssertionError("POST /__reset answered " + response.status());
        }
    }

    private static String fingerprint(String credentials) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(credentials.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
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
        return "OriginRecorder[" + url + "]";
    }
}
