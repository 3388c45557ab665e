package dev.oauthagent.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * premain runs before the bootstrap classes are boot classes (the start-up thread defines them), and the
 * agent's class loader never defines them itself: a premain class whose verification needs one (say, it hands
 * its own object to a {@code Bridge.install...} method, so the verifier loads the bootstrap interface to check
 * the assignment) fails with a NoClassDefFoundError and the agent does not start. This links every premain-path
 * class in a class loader that cannot see any bootstrap class, whatever this test JVM's boot loader holds.
 */
class PremainWithoutBootstrapClassesTest {
    /** On the premain path's packages, but loaded only by the start-up thread, after the bootstrap classes. */
    private static final List<String> START_THREAD_ONLY = Arrays.asList(
            "dev.oauthagent.agent.scrub.HookScrubber", "dev.oauthagent.agent.scrub.HookScrubber$Reinstall");

    @Test
    void premainPathClassesLinkWithoutTheBootstrapClasses() throws Exception {
        List<String> names = new ArrayList<>();
        for (String name : PremainPath.classNames()) {
            if (!name.startsWith("dev.oauthagent.bootstrap.") && !START_THREAD_ONLY.contains(name)) {
                names.add(name);
            }
        }
        assertThat(names).hasSizeGreaterThan(40); // the packages were found: the check below is not vacuous
        ClassLoader loader = new NoBootstrapClassesLoader();
        List<String> offenders = new ArrayList<>();
        for (String name : names) {
            try {
                // Reflecting on the fields links the class (and linking verifies) without running its initialiser.
                Class.forName(name, false, loader).getDeclaredFields();
            } catch (LinkageError e) {
                offenders.add(name + " (" + e + ")");
            }
        }
        assertThat(offenders).as("premain-path classes that need a bootstrap class to link; move the call that "
                + "needs it to a class the start-up thread loads (see LibraryInstrumentation)").isEmpty();
    }

    @Test
    void theLoaderReallyHidesTheBootstrapClasses() throws Exception {
        ClassLoader loader = new NoBootstrapClassesLoader();
        boolean hidden;
        try {
            Class.forName("dev.oauthagent.agent.scrub.HookScrubber", false, loader).getDeclaredFields();
            hidden = false;
        } catch (NoClassDefFoundError expected) {
            hidden = true;
        }
        assertThat(hidden).as("HookScrubber implements a bootstrap interface: it must not link here").isTrue();
    }

    /** Agent classes child-first from this build's class files; bootstrap classes never; the rest from the JDK. */
    private static final class NoBootstrapClassesLoader extends ClassLoader {
        NoBootstrapClassesLoader() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("dev.oauthagent.bootstrap.")) {
                throw new ClassNotFoundException(name + " is not a boot class yet");
            }
            if (!name.startsWith("dev.oauthagent.agent.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try (InputStream in = PremainWithoutBootstrapClassesTest.class.getClassLoader()
                    .getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                byte[] bytes = out.toByteArray();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
