package dev.oauthagent.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the log throughput harness's child JVMs: its options (agent or not, its own logback configuration)
 * and the file its logback {@code FileAppender} writes, which no other child shares, so each file can be
 * counted on its own.
 *
 * @param masks whether lines reach the file with their token masked (by the agent or by {@code %replace})
 */
record LogSetup(JvmVariant variant, Path logFile, boolean masks) {
    private static final String PATTERN_HEAD = "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - ";

    /**
     * Writes {@code <fileName>.xml}, a logback configuration with one {@code FileAppender} to
     * {@code <fileName>.log} in {@code workDir} (pattern encoder, immediate flush: logback's defaults) whose
     * pattern prints the message as {@code message} says ({@code %msg}, or a {@code %replace} of it).
     */
    static LogSetup write(Path workDir, String name, String fileName, List<String> jvmArgs, String message,
            boolean masks) throws IOException {
        Path logFile = workDir.resolve(fileName + ".log");
        String xml = "<configuration>\n"
                + "  <appender name=\"FILE\" class=\"ch.qos.logback.core.FileAppender\">\n"
                + "    <file>" + logFile + "</file>\n"
                + "    <encoder><pattern>" + xmlEscaped(PATTERN_HEAD + message) + "%n</pattern></encoder>\n"
                + "  </appender>\n"
                + "  <root level=\"INFO\"><appender-ref ref=\"FILE\"/></root>\n"
                + "</configuration>\n";
        Path config = Files.writeString(workDir.resolve(fileName + ".xml"), xml);
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-Dlogback.configurationFile=" + config);
        return new LogSetup(new JvmVariant(name, args), logFile, masks);
    }

    String name() {
        return variant.name();
    }

    private static String xmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
