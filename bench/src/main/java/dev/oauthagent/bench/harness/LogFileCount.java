package dev.oauthagent.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a child left in its log file: every line counted, and those where the token survived. */
record LogFileCount(long lines, long withToken) {
    /** The JWT header of LogLoop's made-up token: present when a line was not masked. */
    private static final String TOKEN_HEAD = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.";

    static LogFileCount of(Path file) throws IOException {
        long lines = 0;
        long withToken = 0;
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                if (line.contains(TOKEN_HEAD)) {
                    withToken++;
                }
            }
        }
        return new LogFileCount(lines, withToken);
    }
}
