package dev.oauthagent.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Host names for tests without DNS: a hosts file mapping every name in {@link #NAMES} to 127.0.0.1, used by a
 * child JVM started with {@link #jvmArg()}. {@code jdk.net.hosts.file} has been read by {@code InetAddress}
 * since JDK 9 (JDK 18's resolver SPI kept it), so the same names work on JDK 17 and 25; with it set, a name
 * not in the file does not resolve at all, so a test can never reach a real host by mistake.
 */
public final class HostsFile {
    /** The allowed API host of the contract tests. */
    public static final String API = "api.example.com";
    /** A second host, matched by another client. */
    public static final String PARTNER = "partner.example.com";
    /** An https-only allowed host (its client has no allow-http). */
    public static final String SECURE = "secure.example.com";
    /** A host no client matches. */
    public static final String EVIL = "evil.com";
    /** The allowed host's name as the prefix of another domain. */
    public static final String API_AS_PREFIX = "api.example.com.evil.com";
    /** The allowed host's name as the suffix of another label. */
    public static final String API_AS_SUFFIX = "evilapi.example.com";

    public static final List<String> NAMES = List.of("localhost", API, PARTNER, SECURE, EVIL, API_AS_PREFIX,
            API_AS_SUFFIX);

    private static Path written;

    private HostsFile() {
    }

    /** {@code -Djdk.net.hosts.file=<file>}, the file written once per test JVM. */
    public static synchronized String jvmArg() {
        if (written == null) {
            written = write(E2ePaths.logDir().resolveSibling("e2e-hosts"));
        }
        return "-Djdk.net.hosts.file=" + written;
    }

    private static Path write(Path file) {
        String lines = NAMES.stream().map(name -> "127.0.0.1 " + name).collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hosts file " + file, e);
        }
    }
}
