package dev.oauthagent.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --classpath}: the HTTP client libraries on a class path as {@code java -cp} or {@code java -jar}
 * would see it (jars, directories, {@code dir/*}, a manifest's Class-Path, the jars inside a Spring Boot jar), and
 * whether the agent covers each. The jars here hold only the marker classes' names.
 */
class CheckClasspathTest {
    private static final String NO_TOKEN = ": its requests get no token";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theJdksClientsAreListedAsCoveredAndEachLibraryFoundWithItsJarAndVersion() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        jar(lib.resolve("okhttp-4.12.0.jar"), null, "com.squareup.okhttp3/okhttp", "okhttp3/OkHttpClient.class");
        Path classes = Files.createDirectories(dir.resolve("classes/io/netty/bootstrap"));
        Files.write(classes.resolve("Bootstrap.class"), new byte[] {1});

        int exit = check("--classpath", lib.resolve("*") + File.pathSeparator + dir.resolve("classes")
                + File.pathSeparator + dir.resolve("gone.jar"));

        assertThat(exit).as(err()).isEqualTo(Cli.EXIT_OK);
        assertThat(out()).contains("HTTP client libraries on the class path")
                .containsPattern("  HttpURLConnection \\(JDK\\) +covered +built in\\R")
                .containsPattern("  java\\.net\\.http\\.HttpClient \\(JDK 11\\+\\) +covered +built in\\R")
                .containsPattern("  OkHttp 3\\.x-5\\.x +covered +okhttp-4\\.12\\.0\\.jar \\(version 4\\.12\\.0\\)\\R")
                .containsPattern("  Netty +NOT COVERED +" + java.util.regex.Pattern.quote(dir.resolve("classes")
                        .toString()) + NO_TOKEN)
                .contains("  not read: " + dir.resolve("gone.jar"))
                .endsWith("no clients are configured: only the class path was checked" + System.lineSeparator());
    }

    @Test
    void anApplicationJarIsFollowedThroughItsClassPathAndIntoTheJarsItNests() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        jar(lib.resolve("httpclient-4.5.14.jar"), null, "org.apache.httpcomponents/httpclient",
                "org/apache/http/impl/client/DefaultHttpClient.class");
        Path nested = jar(dir.resolve("jetty-client-12.1.14.jar"), "12.1.14", null,
                "org/eclipse/jetty/client/HttpClient.class");
        Path app = dir.resolve("app.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app), manifest(null,
                "lib/httpclient-4.5.14.jar"))) {
            jar.putNextEntry(new JarEntry("BOOT-INF/lib/jetty-client-12.1.14.jar"));
            jar.write(Files.readAllBytes(nested));
            jar.closeEntry();
        }

        check("--classpath=" + app);

        assertThat(out()).containsPattern("  Apache HttpClient 4\\.x +covered +httpclient-4\\.5\\.14\\.jar"
                        + " \\(version 4\\.5\\.14\\)\\R")
                .containsPattern("  Jetty HttpClient +NOT COVERED +app\\.jar!/BOOT-INF/lib/"
                        + "jetty-client-12\\.1\\.14\\.jar \\(version 12\\.1\\.14\\)" + NO_TOKEN);
    }

    @Test
    void httpClient5IsCoveredButItsMinimalAsyncClientsAreListedAsNotCovered() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        jar(lib.resolve("httpclient5-5.6.5.jar"), null, "org.apache.httpcomponents.client5/httpclient5",
                "org/apache/hc/client5/http/impl/classic/HttpClients.class",
                "org/apache/hc/client5/http/impl/async/MinimalHttpAsyncClient.class");

        check("--classpath", lib.resolve("*").toString());

        assertThat(out()).containsPattern("  Apache HttpClient 5\\.x +covered +httpclient5-5\\.6\\.5\\.jar"
                        + " \\(version 5\\.6\\.5\\)\\R")
                .containsPattern("  Apache HttpClient 5 minimal async clients +NOT COVERED +httpclient5-5\\.6\\.5\\.jar"
                        + " \\(version 5\\.6\\.5\\)" + NO_TOKEN);
    }

    @Test
    void aJarThatBundlesSeveralArtifactsGivesNoVersionOfItsOwnToTheLibrariesInside() throws IOException {
        Path fat = dir.resolve("fat-app-1.0.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(fat), manifest("1.0", null))) {
            pom(jar, "com.squareup.okhttp3/okhttp", "4.12.0");
            pom(jar, "com.example/fat-app", "1.0");
            entry(jar, "okhttp3/OkHttpClient.class");
        }

        check("--classpath", fat.toString());

        assertThat(out()).containsPattern("  OkHttp 3\\.x-5\\.x +covered +fat-app-1\\.0\\.jar\\R");
    }

    @Test
    void withoutLibrariesTheListSaysSoAndAMissingValueIsAUsageError() throws IOException {
        check("--classpath", dir.toString());

        assertThat(out()).contains("  (no other HTTP client library the agent knows of)");
        assertThat(check("--classpath")).isEqualTo(Cli.EXIT_USAGE);
        assertThat(err()).contains("--classpath needs the application's class path, e.g. --classpath app.jar");
    }

    private int check(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Map.of()));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A jar holding {@code classFiles}, with a manifest version and/or one Maven pom.properties. */
    private static Path jar(Path path, String manifestVersion, String pomArtifact, String... classFiles)
            throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(path), manifest(manifestVersion, null))) {
            if (pomArtifact != null) {
                String name = path.getFileName().toString();
                pom(jar, pomArtifact, name.substring(name.lastIndexOf('-') + 1, name.length() - ".jar".length()));
            }
            for (String classFile : classFiles) {
                entry(jar, classFile);
            }
        }
        return path;
    }

    private static Manifest manifest(String version, String classPath) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (version != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        }
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        return manifest;
    }

    private static void pom(JarOutputStream jar, String groupAndArtifact, String version) throws IOException {
        jar.putNextEntry(new JarEntry("META-INF/maven/" + groupAndArtifact + "/pom.properties"));
        jar.write(("version=" + version + "\n").getBytes(StandardCharsets.ISO_8859_1));
        jar.closeEntry();
    }

    private static void entry(OutputStream out, String name) throws IOException {
        JarOutputStream jar = (JarOutputStream) out;
        jar.putNextEntry(new JarEntry(name));
        jar.write(new byte[] {1});
        jar.closeEntry();
    }
}
