package dev.oauthagent.agent.instrument.slf4jsimple;

import dev.oauthagent.agent.instrument.InstalledInstrumentation;
import dev.oauthagent.agent.instrument.ReplacingScrubber;
import dev.oauthagent.bootstrap.Bridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hook installed on the real {@code org.slf4j.simple.OutputChoice} of slf4j-simple 2.0 (the agent's own
 * test dependency) with the production transformer; {@link #restore} gives the test JVM its class back.
 */
class Slf4jSimpleInstrumentationTest {
    private static final String SECRET = "tok-3f9a1c77e2";
    private static InstalledInstrumentation installed;

    @BeforeAll
    static void hook() throws Exception {
        installed = InstalledInstrumentation.install(new Slf4jSimpleInstrumentation());
    }

    @AfterAll
    static void restore() throws Exception {
        installed.close();
    }

    @AfterEach
    void removeScrubber() {
        Bridge.installScrubber(null);
    }

    @Test
    void aSecretPrintedToTheLogFileTargetReachesTheFileScrubbed() throws Exception {
        Bridge.installScrubber(new ReplacingScrubber(SECRET));
        ByteArrayOutputStream file = new ByteArrayOutputStream();

        PrintStream target = fileTarget(new PrintStream(file, false, "UTF-8"));
        target.println("calling billing with Bearer " + SECRET + " now");
        new IllegalStateException("rejected " + SECRET).printStackTrace(target);
        target.flush();

        String written = file.toString("UTF-8");
        assertThat(written).doesNotContain(SECRET)
                .contains("calling billing with Bearer [REDACTED] now")
                .contains("java.lang.IllegalStateException: rejected [REDACTED]");
    }

    @Test
    void withoutAScrubberTheLogFileTargetIsTheApplicationsOwnStream() throws Exception {
        PrintStream own = new PrintStream(new ByteArrayOutputStream(), false, "UTF-8");

        assertThat(fileTarget(own)).isSameAs(own);
    }

    /** {@code new OutputChoice(printStream).getTargetPrintStream()} on the hooked class. */
    private static PrintStream fileTarget(PrintStream file) throws Exception {
        Class<?> type = Class.forName(Slf4jSimpleInstrumentation.TARGET_2);
        Constructor<?> constructor = type.getDeclaredConstructor(PrintStream.class);
        constructor.setAccessible(true);
        Object choice = constructor.newInstance(file);
        Method target = type.getDeclaredMethod("getTargetPrintStream");
        target.setAccessible(true);
        return (PrintStream) target.invoke(choice);
    }
}
