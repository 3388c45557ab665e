package dev.oauthagent.agent.instrument.connect;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Names the jar a class came from and the version its manifest gives, for a report a user can act on
 * ("jetty-io-12.1.14.jar, version 12.1.14"). Only local files are read; whatever cannot be found is left out.
 */
final class LibraryJar {
    private LibraryJar() {
    }

    /** The file name of the class's jar (or its directory's path), or null when unknown. */
    static String location(Class<?> type) {
        File file = file(type);
        if (file == null) {
            return null;
        }
        return file.isDirectory() ? file.getPath() : file.getName();
    }

    /** "name.jar, version V", "name.jar", or "" when the class's origin is unknown. */
    static String describe(Class<?> type) {
        String location = location(type);
        if (location == null) {
            return "";
        }
        String version = version(type);
        return version == null ? location : location + ", version " + version;
    }

    private static File file(Class<?> type) {
        if (type == null) {
            return null;
        }
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            if (url == null || !"file".equals(url.getProtocol())) {
                return null;
            }
            return new File(url.toURI());
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** The package's Implementation-Version, else the jar manifest's Bundle-Version or Implementation-Version. */
    private static String version(Class<?> type) {
        Package pkg = type.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        if (version != null) {
            return version;
        }
        File file = file(type);
        if (file == null || !file.isFile()) {
            return null;
        }
        try (JarFile jar = new JarFile(file, false)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes main = manifest.getMainAttributes();
            String bundle = main.getValue("Bundle-Version");
            return bundle != null ? bundle : main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
