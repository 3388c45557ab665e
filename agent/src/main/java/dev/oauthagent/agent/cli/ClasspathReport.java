package dev.oauthagent.agent.cli;

import dev.oauthagent.agent.instrument.ClientLibraries;
import dev.oauthagent.agent.instrument.ClientLibrary;

import java.io.PrintStream;

/**
 * {@code check --classpath PATH}: which HTTP client libraries the application has and whether the agent covers
 * each, i.e. whether their requests to configured hosts get tokens. The JDK's own clients are always there.
 */
final class ClasspathReport {
    private static final String COVERED = "covered    ";
    private static final String NOT_COVERED = "NOT COVERED";

    private ClasspathReport() {
    }

    static void print(String classPath, PrintStream out) {
        ClientLibraryScan scan = ClientLibraryScan.of(classPath);
        out.println("HTTP client libraries on the class path (covered: its requests to configured hosts get tokens):");
        int width = nameWidth();
        for (ClientLibrary library : ClientLibraries.all()) {
            if (library.isBuiltIn()) {
                out.println(line(library, width, "built in"));
            }
        }
        for (ClientLibraryScan.Found found : scan.found()) {
            String where = found.where + (found.version == null ? "" : " (version " + found.version + ")");
            out.println(line(found.library, width, where)
                    + (found.library.isCovered() ? "" : ": its requests get no token"));
        }
        if (scan.found().isEmpty()) {
            out.println("  (no other HTTP client library the agent knows of)");
        }
        for (String missing : scan.missing()) {
            out.println("  not read: " + missing);
        }
    }

    private static String line(ClientLibrary library, int width, String where) {
        return "  " + pad(library.name(), width) + "  " + (library.isCovered() ? COVERED : NOT_COVERED) + "  " + where;
    }

    private static int nameWidth() {
        int width = 0;
        for (ClientLibrary library : ClientLibraries.all()) {
            width = Math.max(width, library.name().length());
        }
        return width;
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
