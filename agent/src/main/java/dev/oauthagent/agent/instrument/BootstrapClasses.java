package dev.oauthagent.agent.instrument;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Makes the bootstrap module's classes bootstrap classes. Advice inlined into JDK classes can only link
 * against classes the bootstrap loader knows; without this every hook fails with a NoClassDefFoundError and
 * no request is ever decorated.
 *
 * <p>On Java 9+ the classes are defined straight into the boot loader (JDK-internal {@code Unsafe}, opened
 * to the agent through {@link Instrumentation}) rather than by appending a jar to the boot class path: an
 * append makes HotSpot print "Sharing is only supported for boot loader classes because bootstrap classpath
 * has been appended" on the application's stdout and turns class data sharing off for every application
 * and platform class, which costs start-up time. Java 8 has no such cost, and gets the append of a small
 * temporary jar. See docs/decisions/0004.
 *
 * <p>Must run before any agent class touches a bootstrap class: from then on the application class loader
 * delegates to the boot loader for them, so the advice and the agent share one {@code Bridge}.
 */
public final class BootstrapClasses {
    static final String PACKAGE = "dev.oauthagent.bootstrap.";

    /** Every class of the bootstrap module, supertypes first; a unit test keeps it equal to the module. */
    static final String[] NAMES = {
        "AgentCall", "UrlConnectionHook", "HttpClientHook", "LogScrubber", "ConnectHook", "Bridge",
        "UrlConnectionAdvice", "HttpClientAdvice", "LogFileAdvice", "LogLineAdvice", "ConnectAdvice",
        "Apache5Hook", "Apache5Advice",
        "OkHttpHook", "OkHttpAdvice",
        "Apache4Hook", "Apache4Advice",
    };

    private BootstrapClasses() {
    }

    public static void inject(Instrumentation inst) throws Exception {
        if (isJava9OrLater()) {
            defineInBootLoader(inst);
        } else {
            appendJar(inst);
        }
    }

    private static boolean isJava9OrLater() {
        try {
            Class.class.getMethod("getModule");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static void defineInBootLoader(Instrumentation inst) throws Exception {
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        ModuleAccess.openPackageOf(inst, unsafeType, BootstrapClasses.class);
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method defineClass = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);
        for (String simpleName : NAMES) {
            String name = PACKAGE + simpleName;
            if (isBootClass(name)) {
                continue; // a second start in the same JVM (attach after a failed start)
            }
            byte[] bytes = classBytes(name);
            defineClass.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
        }
    }

    private static boolean isBootClass(String name) {
        return LibraryInstrumentation.hasClass(name, null);
    }

    private static void appendJar(Instrumentation inst) throws IOException {
        File jar = File.createTempFile("oauth-agent-bootstrap-", ".jar");
        jar.deleteOnExit();
        OutputStream file = new FileOutputStream(jar);
        try {
            JarOutputStream out = new JarOutputStream(file);
            for (String simpleName : NAMES) {
                String name = PACKAGE + simpleName;
                out.putNextEntry(new JarEntry(resourceName(name)));
                out.write(classBytes(name));
                out.closeEntry();
            }
            out.finish();
        } finally {
            file.close();
        }
        inst.appendToBootstrapClassLoaderSearch(new JarFile(jar));
    }

    static byte[] classBytes(String name) throws IOException {
        InputStream in = BootstrapClasses.class.getClassLoader().getResourceAsStream(resourceName(name));
        if (in == null) {
            throw new IOException("the agent jar has no " + resourceName(name) + "; the build is broken");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }

    private static String resourceName(String className) {
        return className.replace('.', '/') + ".class";
    }
}
