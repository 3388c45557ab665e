package dev.oauthagent.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the built artifacts are, found from the harness's own location ({@code bench/target/benchmarks.jar}
 * or {@code bench/target/classes}), so the harnesses run from any working directory. Each can be overridden
 * with an option.
 */
final class BenchFiles {
    private final Path benchTarget;

    private BenchFiles(Path benchTarget) {
        this.benchTarget = benchTarget;
    }

    static BenchFiles locate() {
        try {
            Path self = Path.of(BenchFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new BenchFiles(self.toAbsolutePath().getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the harness runs from", e);
        }
    }

    Path agentJar(Path override) {
        return existing(override != null ? override
                : benchTarget.resolve("../../agent/target/oauth-agent.jar").normalize(),
                "the agent jar; build it with: mvn -B -o -q -pl bench -am package -DskipTests");
    }

    Path appsJar(Path override) {
        if (override != null) {
            return existing(override, "the apps jar");
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(benchTarget, "bench-*-apps.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no bench-*-apps.jar in " + benchTarget
                + "; build it with: mvn -B -o -q -pl bench -am package -DskipTests");
    }

    /** slf4j-api, logback-core and logback-classic, copied to bench/target/logback by the build. */
    List<Path> logbackJars() {
        return jarsIn("logback", 3, "slf4j-api, logback-core and logback-classic");
    }

    /** OkHttp, Apache HttpClient 4 and 5 and what they need, copied to bench/target/http-libs by the build. */
    List<Path> httpLibraryJars() {
        return jarsIn("http-libs", 10, "okhttp, okio, kotlin-stdlib, httpclient, httpcore, httpclient5, httpcore5");
    }

    private List<Path> jarsIn(String folder, int atLeast, String expected) {
        Path dir = benchTarget.resolve(folder);
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : found) {
                jars.add(jar.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no " + dir + "; build it with: mvn -B -o -q -pl bench -am package -DskipTests",
                    e);
        }
        if (jars.size() < atLeast) {
            throw new IllegalStateException("expected " + expected + " in " + dir + ", found " + jars);
        }
        return jars;
    }

    /** The OpenTelemetry Java agent, or null when it is not there (the build could not resolve it). */
    Path openTelemetryJar(Path override) {
        Path jar = override != null ? override : benchTarget.resolve("otel/opentelemetry-javaagent.jar");
        return Files.isRegularFile(jar) ? jar : null;
    }

    private static Path existing(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("missing " + path + ": " + what);
        }
        return path.toAbsolutePath();
    }
}
