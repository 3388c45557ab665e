package dev.oauthagent.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthagent.agent.config.GrantType;
import dev.oauthagent.agent.config.FailMode;
import dev.oauthagent.bootstrap.Bridge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The agent's class loader, on a jar built from this build's own class files. */
class AgentClassLoaderTest {
    private static final String SERVICE_FILE = "META-INF/services/dev.oauthagent.agent.Example";

    @TempDir
    Path dir;

    @Test
    void definesTheAgentsClassesItselfFromTheJar() throws Exception {
        AgentClassLoader loader = loaderOverJar();

        Class<?> parser = loader.loadClass(GrantType.class.getName());

        assertThat(parser).isNotSameAs(GrantType.class);
        assertThat(parser.getClassLoader()).isSameAs(loader);
        assertThat(parser.getName()).isEqualTo(GrantType.class.getName());
        assertThat(loader.loadClass(GrantType.class.getName())).isSameAs(parser);
        assertThat(parser.getPackage()).isNotNull();
        assertThat(parser.getPackage().getName()).isEqualTo("dev.oauthagent.agent.config");
        assertThat(parser.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(jar().toUri().toURL());
    }

    @Test
    void classesTheJarDoesNotHoldAreNotFound() throws Exception {
        AgentClassLoader loader = loaderOverJar();

        // On the test class path, but not in the jar: the application class loader is not asked.
        assertThatThrownBy(() -> loader.loadClass(AgentClassLoaderTest.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("dev.oauthagent.agent.NoSuchClass"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void theJdkComesFromTheParent() throws Exception {
        AgentClassLoader loader = loaderOverJar();

        assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
        assertThat(loader.loadClass("java.util.logging.Logger")).isSameAs(java.util.logging.Logger.class);
    }

    @Test
    void neverDefinesABootstrapClassThoughTheJarHoldsIt() throws Exception {
        AgentClassLoader loader = loaderOverJar();
        Class<?> bridge;
        try {
            bridge = loader.loadClass(Bridge.class.getName());
        } catch (ClassNotFoundException notABootClassInThisJvm) {
            return; // the boot loader does not have it (yet): failing is right, a private copy would not be
        }
        assertThat(bridge.getClassLoader()).as("a bootstrap class must be the boot loader's").isNull();
    }

    @Test
    void readsItsOwnResourcesFirst() throws Exception {
        AgentClassLoader loader = loaderOverJar();
        String classFile = resourceName(GrantType.class);

        try (InputStream in = loader.getResourceAsStream(classFile)) {
            assertThat(in).isNotNull();
            assertThat(readAll(in)).isEqualTo(classBytes(GrantType.class));
        }
        URL url = loader.getResource(SERVICE_FILE);
        assertThat(url).isNotNull();
        try (InputStream in = url.openStream()) {
            assertThat(new String(readAll(in), StandardCharsets.UTF_8)).isEqualTo("example.Provider\n");
        }
        assertThat(Collections.list(loader.getResources(SERVICE_FILE))).containsExactly(url);
        assertThat(loader.getResource("java/lang/String.class")).as("the parent's resources still resolve").isNotNull();
        assertThat(loader.getResourceAsStream("no/such/resource")).isNull();
    }

    @Test
    void findsTheClassesAndResourcesTheBuildHidFromTheApplicationClassLoaderAndGivesTheirPackagesTheJarsVersion()
            throws Exception {
        Path jar = dir.resolve("hidden.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.9.9");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(AgentClassLoader.HIDDEN + resourceName(GrantType.class)));
            out.write(classBytes(GrantType.class));
            out.closeEntry();
        }
        AgentClassLoader loader = AgentClassLoader.open(jar.toFile(), jar.toUri().toURL());

        Class<?> hidden = loader.loadClass(GrantType.class.getName());

        assertThat(hidden.getClassLoader()).isSameAs(loader);
        assertThat(hidden.getPackage().getImplementationVersion()).isEqualTo("9.9.9");
        assertThat(loader.getResource(resourceName(GrantType.class))).asString()
                .endsWith("!/oauth-agent/" + resourceName(GrantType.class));
        try (java.net.URLClassLoader application = new java.net.URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> application.loadClass(GrantType.class.getName()))
                    .as("a class loader with the jar on its class path").isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void threadsLoadingTheSameClassGetTheSameClass() throws Exception {
        AgentClassLoader loader = loaderOverJar();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Class<?>>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String name = i % 2 == 0 ? GrantType.class.getName() : FailMode.class.getName();
                results.add(pool.submit((Callable<Class<?>>) () -> loader.loadClass(name)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isSameAs(results.get(i % 2).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private AgentClassLoader loaderOverJar() throws IOException {
        Path jar = jar();
        if (!Files.exists(jar)) {
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                for (Class<?> type : new Class<?>[] {GrantType.class, FailMode.class, Bridge.class}) {
                    out.putNextEntry(new JarEntry(resourceName(type)));
                    out.write(classBytes(type));
                    out.closeEntry();
                }
                out.putNextEntry(new JarEntry(SERVICE_FILE));
                out.write("example.Provider\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        File file = jar.toFile();
        return AgentClassLoader.open(file, file.toURI().toURL());
    }

    private Path jar() {
        return dir.resolve("agent.jar");
    }

    private static String resourceName(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getClassLoader().getResourceAsStream(resourceName(type))) {
            return readAll(in);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
