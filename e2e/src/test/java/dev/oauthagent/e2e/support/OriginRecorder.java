package dev.oauthagent.e2e.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "other origin" (test-apps/origin-recorder) in its own JVM: answers 200 to anything and records each
 * request as {@code <METHOD> <path>[?query] authorization=<none | header value>}. A token showing up here is
 * a leak. Starts in well under a second.
 */
public final class OriginRecorder implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("^ORIGIN_RECORDER_READY url=(http://127\\.0\\.0\\.1:\\d+)$");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final JavaProcess process;
    private final URI url;

    private OriginRecorder(JavaProcess process, URI url) {
        this.process = process;
        this.url = url;
    }

    public static OriginRecorder start() {
        JavaProcess process = JavaProcess.builder("origin-recorder")
                .jar(E2ePaths.testApp("origin-recorder"))
                .args("--port=0")
                .start();
        try {
            Matcher ready = READY.matcher(process.awaitLine(READY, READY_TIMEOUT));
            if (!ready.matches()) {
                throw new IllegalStateException("unexpected ready line from " + process);
            }
            return new OriginRecorder(process, URI.create(ready.group(1)));
        } catch (RuntimeException | AssertionError e) {
            process.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI url() {
        return url;
    }

    /** A URL here that answers {@code status} with {@code Location: location}. */
    public URI redirectUrl(int status, String location) {
        return url.resolve("/redirect?status=" + status + "&location="
                + URLEncoder.encode(location, StandardCharsets.UTF_8));
    }

    /** Every request recorded so far, oldest first. */
    public List<String> recorded() {
        Http.Response response = Http.get(url.resolve("/__recorded"), null);
        if (response.status() != 200) {
            throw new AssertionError("GET /__recorded answered " + response.status());
        }
        return response.body().lines().toList();
    }

    /** Forgets what was recorded, so a test sees only its own requests. */
    public void reset() {
        Http.Response response = Http.post(url.resolve("/__reset"), null, "");
        if (response.status() != 200) {
            throw new AssertionError("POST /__reset answered " + response.status());
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
