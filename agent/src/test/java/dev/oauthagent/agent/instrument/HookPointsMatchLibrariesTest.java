package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every hook point the agent ships, checked against the class files of the libraries on this test class path
 * (logback 1.5, log4j-core 2, slf4j-simple 2, Tomcat JULI) and of this JDK (HttpURLConnection, java.net.http,
 * java.util.logging): each method named by a descriptor exists, or the point is one a class is allowed to lack
 * (optional, or left out by {@code unlessClassDeclares}). A library version that renamed or retyped a hooked
 * method fails here, not silently in an application. CI runs this on JDK 17 and 25.
 */
class HookPointsMatchLibrariesTest {
    /** Targets of another version than the test class path's: slf4j-simple 1.7's OutputChoice. */
    private static final Set<String> OTHER_VERSIONS = Set.of("org.slf4j.impl.OutputChoice");

    @Test
    void everyHookPointFindsItsMethodInTheLibraryOnTheClassPath() throws Exception {
        Map<String, List<HookPoint>> byClass = new LinkedHashMap<>();
        for (LibraryInstrumentation library : Instrumenter.all(true)) {
            for (HookPoint point : library.hookPoints()) {
                byClass.computeIfAbsent(point.className, name -> new ArrayList<>()).add(point);
            }
        }
        byClass.keySet().removeAll(OTHER_VERSIONS);
        assertThat(byClass).hasSizeGreaterThanOrEqualTo(9);

        for (Map.Entry<String, List<HookPoint>> target : byClass.entrySet()) {
            if (!exists(target.getKey()) && target.getValue().stream().allMatch(point -> point.optional)) {
                continue; // a class of other JDK versions (System.console()'s JdkConsoleImpl is Java 22+)
            }
            Set<HookPoint> applied = new HashSet<>();
            Set<HookPoint> skipped = new HashSet<>();
            HookPointTransformer.insertCalls(classFile(target.getKey()), target.getValue(), applied, skipped);

            for (HookPoint point : target.getValue()) {
                assertThat(applied.contains(point) || skipped.contains(point) || point.optional)
                        .as("%s is found (or allowed to be missing)", point).isTrue();
            }
            assertThat(applied).as("points applied to %s", target.getKey()).isNotEmpty();
        }
    }

    private static boolean exists(String className) {
        return ClassLoader.getSystemResource(className.replace('.', '/') + ".class") != null;
    }

    private static byte[] classFile(String className) throws Exception {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = ClassLoader.getSystemResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
