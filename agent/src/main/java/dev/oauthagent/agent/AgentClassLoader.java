package dev.oauthagent.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's classes (everything under {@code dev.oauthagent.agent.}, the relocated dependencies
 * included) straight from the agent jar, ahead of its parent; everything else (the JDK, and the bootstrap
 * classes once they are boot classes) comes from the parent, the platform class loader.
 *
 * <p>Why not the application class loader, which has the agent jar on its class path anyway: every class it
 * loads walks parent delegation, the class path's loaders and its resource machinery, in Java code that still
 * runs interpreted while premain runs. Measured on JDK 17 (docs/decisions/0007), that
 * is most of the time an agent class costs, and premain loads about a hundred of them before the
 * application's main may run. Here a class costs one lookup in the jar's index and one read.
 *
 * <p>It also keeps the agent's classes out of the application's class loader: an application that loads
 * {@code dev.oauthagent.agent.*} by name gets fresh, unused copies, never the running agent's.
 *
 * <p>The bootstrap classes ({@code dev.oauthagent.bootstrap.}) are never defined here, though the jar holds
 * them: they must be the boot loader's, or advice inlined into JDK classes and the agent would see two
 * {@code Bridge}s. Before they are defined into the boot loader, loading one through here fails.
 */
final class AgentClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final String OWN_PREFIX = "dev.oauthagent.agent.";

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;

    private AgentClassLoader(JarFile jar, URL location, ClassLoader parent) {
        super(parent);
        this.jar = jar;
        this.jarUrl = location.toExternalForm();
        this.domain = new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null);
    }

    /**
     * @param agentJar the agent jar (kept open for the life of the JVM: classes load from it at any time)
     * @param location its URL, the code source of the classes defined here
     */
    static AgentClassLoader open(File agentJar, URL location) throws IOException {
        // Not verified: the jar is the one the JVM already trusted to run premain.
        return new AgentClassLoader(new JarFile(agentJar, false), location, ClassLoader.getSystemClassLoader().getParent());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(OWN_PREFIX)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(OWN_PREFIX)) {
            throw new ClassNotFoundException(name);
        }
        JarEntry entry = jar.getJarEntry(name.replace('.', '/') + ".class");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes;
        try {
            bytes = read(entry);
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " (cannot read it from the agent jar: " + e + ")", e);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    /** Java 8 defines no package for a class on its own; Java 9+ does, and this finds it there. */
    @SuppressWarnings("deprecation") // getPackage(String): its replacement, getDefinedPackage, is Java 9+
    private void definePackageOf(String className) {
        String pkg = className.substring(0, className.lastIndexOf('.'));
        if (getPackage(pkg) == null) {
            try {
                definePackage(pkg, null, null, null, null, null, null, null);
            } catch (IllegalArgumentException definedMeanwhile) {
                // another thread defined it first
            }
        }
    }

    /** The agent jar's own resources first, so that a service file or class file is ours, not the JDK's. */
    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        JarEntry entry = jar.getJarEntry(name);
        if (entry == null) {
            return super.getResourceAsStream(name);
        }
        try {
            return jar.getInputStream(entry);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    protected URL findResource(String name) {
        if (jar.getJarEntry(name) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + name);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL own = findResource(name);
        return own == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singleton(own));
    }

    private byte[] read(JarEntry entry) throws IOException {
        long size = entry.getSize();
        InputStream in = jar.getInputStream(entry);
        try {
            if (size < 0 || size > Integer.MAX_VALUE) {
                throw new IOException("unexpected size " + size + " of " + entry.getName());
            }
            byte[] bytes = new byte[(int) size];
            int at = 0;
            while (at < bytes.length) {
                int n = in.read(bytes, at, bytes.length - at);
                if (n < 0) {
                    throw new IOException(entry.getName() + " ends after " + at + " of " + size + " bytes");
                }
                at += n;
            }
            return bytes;
        } finally {
            in.close();
        }
    }
}
