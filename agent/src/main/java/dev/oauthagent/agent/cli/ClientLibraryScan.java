package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.instrument.ClientLibraries;
import dev.oauthagent.agent.instrument.ClientLibrary;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * Finds the known HTTP client libraries ({@link ClientLibraries}) on a class path as {@code java -cp} takes it:
 * jars, class directories and {@code dir/*}. A jar's manifest {@code Class-Path} is followed (so
 * {@code --classpath app.jar} covers {@code java -jar app.jar}), and the jars nested in a Spring Boot jar
 * ({@code BOOT-INF/lib/}) or a war ({@code WEB-INF/lib/}) are read too. A library is found by its marker class.
 */
final class ClientLibraryScan {
    private static final List<String> NESTED_LIBS = Arrays.asList("BOOT-INF/lib/", "WEB-INF/lib/");
    private static final List<String> NESTED_CLASSES = Arrays.asList("", "BOOT-INF/classes/", "WEB-INF/classes/");

    /** One library found in one place. */
    static final class Found {
        final ClientLibrary library;
        /** e.g. "okhttp-4.12.0.jar", "app.jar!/BOOT-INF/lib/okhttp-4.12.0.jar" or a directory. */
        final String where;
        /** From the jar's manifest; null when it gives none. */
        final String version;

        Found(ClientLibrary library, String where, String version) {
            this.library = library;
            this.where = where;
            this.version = version;
        }
    }

    private final List<Found> found = new ArrayList<>();
    private final Set<String> missing = new LinkedHashSet<>();

    private ClientLibraryScan() {
    }

    /** Scans {@code classPath} (entries separated by {@link File#pathSeparator}). */
    static ClientLibraryScan of(String classPath) {
        ClientLibraryScan scan = new ClientLibraryScan();
        scan.scanAll(classPath);
        return scan;
    }

    List<Found> found() {
        return found;
    }

    /** Entries that are neither a jar nor a directory (the JVM skips them too). */
    Set<String> missing() {
        return missing;
    }

    private void scanAll(String classPath) {
        Deque<File> pending = new ArrayDeque<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                pending.addAll(expand(entry));
            }
        }
        Set<File> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            File file = pending.removeFirst();
            if (!seen.add(file.getAbsoluteFile())) {
                continue;
            }
            if (file.isDirectory()) {
                scanDirectory(file);
            } else if (file.isFile()) {
                pending.addAll(scanJar(file));
            } else {
                missing.add(file.getPath());
            }
        }
    }

    /** {@code dir/*}: the directory's jars, as the JVM expands it; anything else: the entry itself. */
    private List<File> expand(String entry) {
        if (!entry.equals("*") && !entry.endsWith(File.separator + "*") && !entry.endsWith("/*")) {
            return Arrays.asList(new File(entry));
        }
        File dir = new File(entry.substring(0, entry.length() - 1));
        File[] jars = dir.listFiles((parent, name) -> name.endsWith(".jar") || name.endsWith(".JAR"));
        if (jars == null) {
            missing.add(entry);
            return new ArrayList<>();
        }
        Arrays.sort(jars);
        return Arrays.asList(jars);
    }

    private void scanDirectory(File dir) {
        for (ClientLibrary library : ClientLibraries.all()) {
            if (!library.isBuiltIn() && new File(dir, classFile(library)).isFile()) {
                found.add(new Found(library, dir.getPath(), null));
            }
        }
    }

    /** Records what the jar holds and returns the jars its manifest's Class-Path names. */
    private List<File> scanJar(File file) {
        try (JarFile jar = new JarFile(file, false)) {
            Manifest manifest = jar.getManifest();
            Set<String> names = new HashSet<>();
            List<String> pomVersions = new ArrayList<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                names.add(entry.getName());
                if (isNestedJar(entry.getName())) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        scanNested(in, file.getName() + "!/" + entry.getName());
                    }
                } else if (isPomProperties(entry.getName())) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        pomVersions.add(pomVersion(in));
                    }
                }
            }
            record(names, file.getName(), version(manifest, pomVersions));
            return manifestClassPath(file, manifest);
        } catch (IOException | RuntimeException e) {
            missing.add(file.getPath() + " (unreadable: " + e + ")");
            return new ArrayList<>();
        }
    }

    private void scanNested(InputStream in, String where) throws IOException {
        Set<String> names = new HashSet<>();
        List<String> pomVersions = new ArrayList<>();
        JarInputStream nested = new JarInputStream(in, false);
        for (JarEntry inner = nested.getNextJarEntry(); inner != null; inner = nested.getNextJarEntry()) {
            names.add(inner.getName());
            if (isPomProperties(inner.getName())) {
                pomVersions.add(pomVersion(nested));
            }
        }
        record(names, where, version(nested.getManifest(), pomVersions));
    }

    private void record(Set<String> names, String where, String version) {
        for (ClientLibrary library : ClientLibraries.all()) {
            if (library.isBuiltIn()) {
                continue;
            }
            for (String root : NESTED_CLASSES) {
                if (names.contains(root + classFile(library))) {
                    found.add(new Found(library, where, version));
                    break;
                }
            }
        }
    }

    private static boolean isPomProperties(String name) {
        return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
    }

    private static String pomVersion(InputStream in) throws IOException {
        Properties pom = new Properties();
        pom.load(in);
        return pom.getProperty("version");
    }

    /**
     * The version of a library's own jar: its one Maven pom.properties, else (a jar built without Maven) its
     * manifest's. None for a jar that bundles several artifacts: its manifest is the application's.
     */
    private static String version(Manifest manifest, List<String> pomVersions) {
        if (pomVersions.size() == 1) {
            return pomVersions.get(0);
        }
        if (!pomVersions.isEmpty() || manifest == null) {
            return null;
        }
        Attributes main = manifest.getMainAttributes();
        String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        return version != null ? version : main.getValue("Bundle-Version");
    }

    private static boolean isNestedJar(String name) {
        if (!name.endsWith(".jar")) {
            return false;
        }
        for (String prefix : NESTED_LIBS) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Class-Path entries are URLs relative to the jar's directory, separated by spaces. */
    private static List<File> manifestClassPath(File jar, Manifest manifest) {
        List<File> files = new ArrayList<>();
        String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (value == null) {
            return files;
        }
        for (String entry : value.trim().split("\\s+")) {
            if (!entry.isEmpty() && !entry.contains(":")) {
                files.add(new File(jar.getAbsoluteFile().getParentFile(), entry.replace('/', File.separatorChar)));
            }
        }
        return files;
    }

    private static String classFile(ClientLibrary library) {
        return library.markerClass().replace('.', '/') + ".class";
    }
}
