package dev.oauthagent.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The facts printed beside every figure: which JDK, how many cores, how busy the machine was. */
final class MachineState {
    private MachineState() {
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.home") + ")";
    }

    static String cores() {
        return Runtime.getRuntime().availableProcessors() + " cores";
    }

    /** The 1, 5 and 15 minute load averages, or a note where /proc is not there. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "load average unknown (no /proc/loadavg)";
        }
    }
}
