package dev.oauthagent.agent.instrument.apache4;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of the Apache HttpComponents 4 jars the hop reaches reflectively, and what happens when a copy of it (one per
 * class loader) lacks a member the agent needs: one warn line per library version naming it and saying that its
 * requests get no token; the hop then leaves that copy's requests as the application built them.
 */
enum LibraryBinding {
    HTTPCORE("Apache HttpCore", "org/apache/http/version.properties"),
    HTTPCLIENT("Apache HttpClient", "org/apache/http/client/version.properties"),
    ASYNC_CLIENT("Apache HttpAsyncClient", "org/apache/http/nio/client/version.properties");

    private static final Logger log = LoggerFactory.getLogger(LibraryBinding.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final String library;
    private final String versionResource;

    LibraryBinding(String library, String versionResource) {
        this.library = library;
        this.versionResource = versionResource;
    }

    /**
     * The value {@code byLibrary} holds for the copy of the library {@code type} belongs to, found as the class
     * {@code anchor} that {@code type}'s class loader sees; null (reported once) when that loader has no such class
     * or {@code type} is not one.
     */
    <T> T bind(Class<?> type, String anchor, ClassValue<T> byLibrary) {
        Class<?> library;
        try {
            library = Class.forName(anchor, false, type.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            cannotBind(type.getClassLoader(), e);
            return null;
        }
        if (!library.isAssignableFrom(type)) {
            cannotBind(type.getClassLoader(), new ClassCastException(type.getName() + " is no " + anchor));
            return null;
        }
        return byLibrary.get(library);
    }

    /** Logs, once per version of this library, that requests through it get no token. */
    void cannotBind(ClassLoader loader, Throwable cause) {
        String name = library + " " + version(loader);
        if (REPORTED.add(name)) {
            log.warn("{} is not the version the agent knows ({}); requests sent with it get no token",
                    name, cause.toString());
        }
    }

    /** e.g. "4.4.16", from the version file the library ships; "(unknown version)" without one. */
    String version(ClassLoader loader) {
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(versionResource)
                : loader.getResourceAsStream(versionResource)) {
            if (in != null) {
                Properties info = new Properties();
                info.load(in);
                String release = info.getProperty("info.release");
                if (release != null && !release.trim().isEmpty()) {
                    return release.trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the version only names the library in a log line
        }
        return "(unknown version)";
    }
}
