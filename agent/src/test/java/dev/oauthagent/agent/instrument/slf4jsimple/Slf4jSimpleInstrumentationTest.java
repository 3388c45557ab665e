package dev.oauthagent.agent.instrument.slf4jsimple;

import dev.oauthagent.agent.instrument.ReplacingScrubber;
import dev.oauthagent.bootstrap.Bridge;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice applied to the real {@code org.slf4j.simple.OutputChoice} of slf4j-simple 2.0 (the agent's own
 * test dependency), redefined into a throw-away class loader so the test JVM's copy stays untouched.
 */
class Slf4jSimpleInstrumentationTest {
    private static final String SECRET = "tok-3f9a1c77e2";

    @AfterEach
    void removeScrubber() {
        Bridge.installScrubber(null);
    }

    @Test
    void withScrubbingOffSlf4jSimpleIsNotTransformed() {
        Slf4jSimpleInstrumentation slf4jSimple = new Slf4jSimpleInstrumentation();
        AgentBuilder builder = new AgentBuilder.Default();

        slf4jSimple.prepare(null, null);

        assertThat(slf4jSimple.register(builder)).isSameAs(builder);
    }

    @Test
    void theFileConstructorIsTheOneMatchedConstructorOfSlf4jSimple2OutputChoice() throws Exception {
        TypeDescription type = TypeDescription.ForLoadedType.of(outputChoice());

        assertThat(type.getDeclaredMethods().filter(Slf4jSimpleInstrumentation.fileConstructor())).hasSize(1);
        assertThat(type.getName()).isEqualTo(Slf4jSimpleInstrumentation.TARGET_2);
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

    /** {@code new OutputChoice(printStream).getTargetPrintStream()} on a copy of the class with the advice. */
    private static PrintStream fileTarget(PrintStream file) throws Exception {
        Class<?> type = instrumentedOutputChoice();
        Constructor<?> constructor = type.getDeclaredConstructor(PrintStream.class);
        constructor.setAccessible(true);
        Object choice = constructor.newInstance(file);
        Method target = type.getDeclaredMethod("getTargetPrintStream");
        target.setAccessible(true);
        return (PrintStream) target.invoke(choice);
    }

    private static Class<?> instrumentedOutputChoice() throws Exception {
        Class<?> original = outputChoice();
        // The nested enum comes along: a package-private type must share the class loader of its users.
        Class<?> choiceType = Class.forName(Slf4jSimpleInstrumentation.TARGET_2 + "$OutputChoiceType");
        return new ByteBuddy().redefine(original)
                .visit(Advice.to(FileTargetAdvice.class).on(Slf4jSimpleInstrumentation.fileConstructor()))
                .make()
                .include(new ByteBuddy().redefine(choiceType).make())
                .load(Slf4jSimpleInstrumentationTest.class.getClassLoader(), ClassLoadingStrategy.Default.CHILD_FIRST)
                .getLoaded();
    }

    private static Class<?> outputChoice() throws ClassNotFoundException {
        return Class.forName(Slf4jSimpleInstrumentation.TARGET_2);
    }
}
