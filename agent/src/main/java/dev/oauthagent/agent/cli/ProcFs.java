package dev.oauthagent.agent.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Linux's {@code /proc} tells about another process, for checks the attach API cannot make safely.
 * Every answer has an "unknown" form, because on other systems (or for another user's process) the files
 * are missing or unreadable; callers then fall back to the attach API alone.
 */
class ProcFs {
    /** Whether the process is a JVM: yes, no, or cannot tell. */
    enum Answer { YES, NO, UNKNOWN }

    private final Path root;

    ProcFs(Path root) {
        this.root = root;
    }

    static ProcFs system() {
        return new ProcFs(Paths.get("/proc"));
    }

    /** YES or NO only where /proc exists. */
    Answer exists(String pid) {
        if (!Files.isDirectory(root.resolve("self"))) {
            return Answer.UNKNOWN;
        }
        return Files.isDirectory(root.resolve(pid)) ? Answer.YES : Answer.NO;
    }

    /**
     * Whether a JVM library is mapped into the process. This matters: HotSpot's attach sends SIGQUIT, which
     * a JVM answers but which ends most other programs, so a mistyped pid must never get that far.
     */
    Answer isJvm(String pid) {
        List<String> maps;
        try {
            maps = Files.readAllLines(root.resolve(pid).resolve("maps"), StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            return Answer.UNKNOWN; // another user's process, or no /proc: the attach API will tell
        }
        for (String line : maps) {
            // HotSpot maps libjvm.so; OpenJ9 maps libj9vm<nn>.so (and a libjvm.so front).
            if (line.endsWith("/libjvm.so") || line.contains("/libj9vm")) {
                return Answer.YES;
            }
        }
        return maps.isEmpty() ? Answer.UNKNOWN : Answer.NO;
    }

    /** The user owning the process, or null when unknown. */
    String owner(String pid) {
        try {
            return Files.getOwner(root.resolve(pid)).getName();
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * The environment the process was started with, or null when it cannot be read. For a JVM this is
     * exactly what {@code System.getenv()} answers there: Java cannot change its own environment.
     */
    Map<String, String> environment(String pid) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(root.resolve(pid).resolve("environ"));
        } catch (IOException | SecurityException e) {
            return null;
        }
        Map<String, String> env = new HashMap<>();
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\u0000")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }
}
