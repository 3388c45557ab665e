package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthagent.agent.instrument.okhttp.OkHttpInstrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OkHttp hook points against the class files of each line the agent supports (3.12, 3.14, 4.12, 5.x; the jars
 * agent/pom.xml copies to target/okhttp-lines): in every version exactly one way of writing a hop's headers is
 * hooked (the two codecs of 3.12, or {@code Exchange}) and exactly one {@code followUpRequest} signature. A line
 * that moved either fails here rather than in an application.
 */
class OkHttpHookPointsTest {
    private static final Path LINES = Paths.get("target", "okhttp-lines");

    static Stream<Path> okHttpLines() throws IOException {
        try (Stream<Path> jars = Files.list(LINES)) {
            List<Path> found = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            assertThat(found).as("jars in %s (copied by the okhttp-lines execution)", LINES.toAbsolutePath()).hasSize(4);
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("okHttpLines")
    void eachLineGetsOneHeaderWriteAndOneFollowUpHooked(Path jar) throws IOException {
        Map<String, List<HookPoint>> byClass = new LinkedHashMap<>();
        for (HookPoint point : new OkHttpInstrumentation().hookPoints()) {
            byClass.computeIfAbsent(point.className, name -> new ArrayList<>()).add(point);
        }
        List<String> applied = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Map.Entry<String, List<HookPoint>> target : byClass.entrySet()) {
                ZipEntry entry = zip.getEntry(target.getValue().get(0).internalClassName + ".class");
                if (entry == null) {
                    continue;
                }
                Set<HookPoint> found = new HashSet<>();
                try (InputStream in = zip.getInputStream(entry)) {
                    HookPointTransformer.insertCalls(in.readAllBytes(), target.getValue(), found, new HashSet<>());
                }
                found.forEach(point -> applied.add(point.className.substring(point.className.lastIndexOf('.') + 1)
                        + "." + point.methodName));
            }
        }

        boolean threeTwelve = jar.getFileName().toString().startsWith("okhttp-3.12.");
        assertThat(applied).as("hooked in %s", jar.getFileName()).containsExactlyInAnyOrderElementsOf(threeTwelve
                ? List.of("Http1Codec.writeRequestHeaders", "Http2Codec.writeRequestHeaders",
                        "RetryAndFollowUpInterceptor.followUpRequest")
                : List.of("Exchange.writeRequestHeaders", "RetryAndFollowUpInterceptor.followUpRequest"));
    }
}
