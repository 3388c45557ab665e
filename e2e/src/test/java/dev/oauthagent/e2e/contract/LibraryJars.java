package dev.oauthagent.e2e.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The jars e2e/pom.xml copied into one folder for a test app's class path: one library version's, one framework's. */
final class LibraryJars {
    private LibraryJars() {
    }

    /**
     * Every jar in {@code folder}, sorted; fails naming {@code what} (e.g. "OkHttp 4.12.0") when there is none.
     */
    static List<Path> in(Path folder, String what) {
        try (Stream<Path> jars = Files.list(folder)) {
            List<Path> found = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no " + what + " jars in " + folder.toAbsolutePath()
                        + ": run the e2e module's pre-integration-test phase (mvn -pl e2e -am verify)");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + what + "'s jars in " + folder.toAbsolutePath()
                    + ": run the e2e module's pre-integration-test phase (mvn -pl e2e -am verify)", e);
        }
    }
}
