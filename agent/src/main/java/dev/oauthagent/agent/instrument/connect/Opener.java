package dev.oauthagent.agent.instrument.connect;

import dev.oauthagent.agent.instrument.ClientLibraries;
import dev.oauthagent.agent.instrument.ClientLibrary;

/** Who opened a connection: a known client library, or the class that called into the JDK's connect. */
final class Opener {
    private final ClientLibrary library;
    private final Class<?> type;
    private final String className;
    private final boolean jdk;

    Opener(ClientLibrary library, Class<?> type, String className, boolean jdk) {
        this.library = library;
        this.type = type;
        this.className = className;
        this.jdk = jdk;
    }

    /** {@code type}, a class of a library that handles a request itself (no stack to walk). */
    static Opener ofClass(Class<?> type) {
        return new Opener(ClientLibraries.ofClass(type.getName()), type, type.getName(), false);
    }

    /** A library the agent instruments: the connection's requests get tokens. */
    boolean isCovered() {
        return library != null && library.isCovered();
    }

    /**
     * What the connection is reported once per (with its host): the known library, else the jar (or directory) the
     * class came from, else its package.
     */
    String libraryKey() {
        if (library != null) {
            return library.name();
        }
        String location = LibraryJar.location(type);
        if (location != null) {
            return location;
        }
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot);
    }

    /** What the user does about it: the known library's own fix, else send the requests through a covered client. */
    String fix() {
        if (library != null && library.fix() != null) {
            return library.fix();
        }
        return "Send them through a client the agent instruments (docs/clients.md)";
    }

    /**
     * e.g. "Jetty HttpClient (org.eclipse.jetty.io.ClientConnector in jetty-io-12.1.14.jar, version 12.1.14)" or
     * "com.example.LegacyClient (in legacy-client-2.3.jar)".
     */
    String describe() {
        String where = LibraryJar.describe(type);
        if (library != null) {
            return library.name() + " (" + className + (where.isEmpty() ? "" : " in " + where) + ")";
        }
        if (jdk) {
            return "the JDK's " + className;
        }
        return className + (where.isEmpty() ? "" : " (in " + where + ")");
    }
}
