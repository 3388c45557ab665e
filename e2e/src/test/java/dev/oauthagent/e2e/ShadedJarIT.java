package dev.oauthagent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped jar is what users run: these checks read the real agent/target/oauth-agent.jar, so a change
 * to the shading set-up that leaks a dependency's original package (and so could clash with the
 * application's own byte-buddy, jackson or slf4j) fails the build.
 */
class ShadedJarIT {
    private static final Path AGENT_JAR = Paths.get(System.getProperty("e2e.agentJar"));
    private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");
    private static final int JAVA_8_MAJOR = 52;
    /** Where the jar keeps the agent's classes (AgentClassLoader.HIDDEN). */
    private static final String HIDDEN = "oauth-agent/";

    @Test
    void jarContainsNoUnrelocatedDependencyPackages() throws IOException {
        List<String> leaked = new ArrayList<>();
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = VERSIONED.matcher(e.nextElement().getName()).replaceFirst("");
                if (name.startsWith("net/bytebuddy/") || name.startsWith("com/fasterxml/")
                        || name.startsWith("org/slf4j/")) {
                    leaked.add(name);
                }
            }
        }
        assertThat(leaked).as("entries outside the agent's relocated packages").isEmpty();
    }

    @Test
    void jarRelocatesEachDependencyUnderTheAgentPackage() throws IOException {
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            assertThat(jar.getEntry(HIDDEN + "dev/oauthagent/agent/shaded/bytebuddy/ByteBuddy.class")).isNotNull();
            assertThat(jar.getEntry(HIDDEN + "dev/oauthagent/agent/shaded/bytebuddy/agent/ByteBuddyAgent.class"))
                    .isNotNull();
            assertThat(jar.getEntry(HIDDEN + "dev/oauthagent/agent/shaded/jackson/core/JsonParser.class")).isNotNull();
            assertThat(jar.getEntry(HIDDEN + "dev/oauthagent/agent/shaded/slf4j/LoggerFactory.class")).isNotNull();
            assertThat(jar.getEntry(HIDDEN + "dev/oauthagent/agent/shaded/slf4j/simple/SimpleLogger.class")).isNotNull();
        }
    }

    /**
     * The JVM puts the agent jar on the application's class path: a class at the jar's root is one the application
     * can load by name. Only the premain class, the loader it opens and the bootstrap classes (boot classes once
     * the agent runs) may be there; CoexistenceIT proves an application cannot load the rest.
     */
    @Test
    void onlyTheEntryPointAndTheBootstrapClassesAreWhereTheApplicationClassLoaderLooks() throws IOException {
        List<String> visible = new ArrayList<>();
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.endsWith(".class") && !name.startsWith(HIDDEN)) {
                    visible.add(name);
                }
            }
        }
        assertThat(visible).contains("dev/oauthagent/agent/OAuthAgent.class", "dev/oauthagent/bootstrap/Bridge.class")
                .allMatch(name -> name.startsWith("dev/oauthagent/bootstrap/")
                        || name.equals("dev/oauthagent/agent/OAuthAgent.class")
                        || name.equals("dev/oauthagent/agent/AgentClassLoader.class"));
    }

    @Test
    void manifestDeclaresAgentEntryPointsAndRetransformation() throws IOException {
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("dev.oauthagent.agent.OAuthAgent");
            assertThat(main.getValue("Agent-Class")).isEqualTo("dev.oauthagent.agent.OAuthAgent");
            assertThat(main.getValue("Main-Class")).as("a launcher into the agent's own class loader")
                    .isEqualTo("dev.oauthagent.agent.OAuthAgent");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
        }
    }

    @Test
    void jarShipsTheProjectsLicenseAndNoticeAndEveryBundledLicense() throws IOException {
        Path repository = AGENT_JAR.toAbsolutePath().normalize().getParent().getParent().getParent();
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            assertThat(entryText(jar, "META-INF/LICENSE")).as("the jar's LICENSE")
                    .isEqualTo(Files.readString(repository.resolve("LICENSE")));
            assertThat(entryText(jar, "META-INF/NOTICE")).as("the jar's NOTICE")
                    .isEqualTo(Files.readString(repository.resolve("NOTICE")));
            for (String bundled : new String[] {"META-INF/licenses/ASM", "META-INF/licenses/slf4j",
                    "META-INF/FastDoubleParser-LICENSE", "META-INF/FastDoubleParser-NOTICE"}) {
                assertThat(jar.getEntry(bundled)).as(bundled).isNotNull();
            }
            assertThat(jar.getEntry("META-INF/LICENSE.txt")).as("a dependency's license under an anonymous name").isNull();
        }
    }

    private static String entryText(JarFile jar, String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A guard against a dependency creeping in, not a target: byte-buddy is 13 of the 16 MB uncompressed. The
     * agent's own classes (user grants, discovery, metrics, proxies, reloading) took the jar to 6.03 MiB.
     */
    @Test
    void jarStaysWithinSevenMegabytes() throws IOException {
        assertThat(Files.size(AGENT_JAR)).isLessThanOrEqualTo(7L * 1024 * 1024);
    }

    @Test
    void everyUnversionedClassLoadsOnJava8() throws IOException {
        List<String> tooNew = new ArrayList<>();
        try (JarFile jar = new JarFile(AGENT_JAR.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                int major = classFileMajorVersion(jar, entry);
                if (major > JAVA_8_MAJOR) {
                    tooNew.add(name + " (major " + major + ")");
                }
            }
        }
        assertThat(tooNew).as("classes that a Java 8 JVM cannot load").isEmpty();
    }

    private static int classFileMajorVersion(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
            assertThat(data.readInt()).as("class file magic of " + entry.getName()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
