package dev.oauthagent.e2e.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the built artifacts the end-to-end tests run live. Failsafe passes the locations as system
 * properties (see e2e/pom.xml); the defaults are the same paths relative to the e2e module, for IDE runs.
 */
public final class E2ePaths {
    private E2ePaths() {
    }

    /** The shaded agent, agent/target/oauth-agent.jar. */
    public static Path agentJar() {
        return existing(Paths.get(System.getProperty("e2e.agentJar", "../agent/target/oauth-agent.jar")),
                "the shaded agent jar");
    }

    /** A test app's runnable jar, test-apps/&lt;name&gt;/target/&lt;name&gt;.jar. */
    public static Path testApp(String name) {
        Path testApps = Paths.get(System.getProperty("e2e.testApps", "../test-apps"));
        return existing(testApps.resolve(name).resolve("target").resolve(name + ".jar"), "test app '" + name + "'");
    }

    /**
     * The java launcher for child JVMs: from {@code e2e.javaHome} (the JDK Maven runs on unless set), so the
     * same suite covers JDK 17 and Temurin 25.
     */
    public static Path javaBin() {
        Path home = Paths.get(System.getProperty("e2e.javaHome", System.getProperty("java.home")));
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return existing(home.resolve("bin").resolve(windows ? "java.exe" : "java"), "the java launcher");
    }

    /** Where each child process's output is kept: e2e/target/e2e-logs. */
    public static Path logDir() {
        return Paths.get(System.getProperty("e2e.logDir", "target/e2e-logs")).toAbsolutePath();
    }

    /**
     * Under which each child JVM gets a temp folder of its own ({@code java.io.tmpdir}), deleted when it is closed:
     * e2e/target/e2e-tmp, so whatever a child leaves there (the embedded Tomcat's work folders) never reaches /tmp.
     */
    public static Path childTmpRoot() {
        return Paths.get(System.getProperty("e2e.childTmpRoot", "target/e2e-tmp")).toAbsolutePath();
    }

    private static Path existing(Path path, String what) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalStateException(what + " is missing at " + absolute
                    + ": build it first, e.g. `mvn -pl e2e -am verify` from the repository root");
        }
        return absolute;
    }
}
