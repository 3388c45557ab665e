package dev.oauthagent.agent.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A /proc tree in a temporary directory, with only the files {@link ProcFs} reads. */
final class FakeProc {
    static final String JVM_MAPS = "7f00-7f01 r-xp 00000000 08:01 42 /usr/lib/jvm/java-17/lib/server/libjvm.so\n";
    static final String SHELL_MAPS = "5600-5601 r-xp 00000000 08:01 7 /usr/bin/bash\n";

    private final Path root;

    FakeProc(Path root) {
        this.root = root;
        directory(root.resolve("self"));
    }

    Path root() {
        return root;
    }

    ProcFs procFs() {
        return new ProcFs(root);
    }

    FakeProc process(String pid, String maps, String... environment) {
        Path dir = directory(root.resolve(pid));
        try {
            Files.writeString(dir.resolve("maps"), maps);
            StringBuilder environ = new StringBuilder();
            for (String entry : environment) {
                environ.append(entry).append('\0');
            }
            Files.write(dir.resolve("environ"), environ.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
