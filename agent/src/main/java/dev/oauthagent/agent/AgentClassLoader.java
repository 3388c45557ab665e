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
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

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
 * <p>It also keeps the agent's classes out of the application's sight. The JVM puts the agent jar on the
 * application's class path, so the jar holds every agent class, the relocated libraries' included, under
 * {@value #HIDDEN} ({@code oauth-agent/dev/oauthagent/agent/...class}): no class loader but this one finds them
 * there, and an application that tries one by name gets a {@code ClassNotFoundException}. Only this loader and
 * {@link OAuthAgent} (the JVM loads the premain class from the application class path) stay at the jar's root,
 * with the bootstrap classes. The build moves the classes (agent/pom.xml); outside the jar nothing is hidden.
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
    /** Where the jar keeps the agent's classes, out of the application class loader's reach. */
    static final String HIDDEN = "oauth-agent/";

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;
    /** The jar's Implementation-Title and -Version, for the packages defined here ({@code version}). */
    private final String title;
    private final String version;

    private AgentClassLoader(JarFile jar, URL location, ClassLoader parent) throws IOException {
        super(parent);
        this.jar = jar;
        this.jarUrl = location.toExternalForm();
        this.domain = new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null);
        Manifest manifest = jar.getManifest();
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        this.title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
        this.version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    }

    /**
     * The loader of a running agent: everything but its own classes from the platform class loader, the bootstrap
     * classes included once they are boot classes.
     *
     * @param agentJar the agent jar (kept open for the life of the JVM: classes load from it at any time)
     * @param location its URL, the code source of the classes defined here
     */
    static AgentClassLoader open(File agentJar, URL location) throws IOException {
        return open(agentJar, location, ClassLoader.getSystemClassLoader().getParent());
    }

    /**
     * The loader of the command line ({@code java -jar oauth-agent.jar}): nothing is defined into the boot loader
     * there, so the bootstrap classes come from the jar's root through the application class loader, its parent.
     */
    static AgentClassLoader openForCommandLine(File agentJar, URL location) throws IOException {
        return open(agentJar, location, ClassLoader.getSystemClassLoader());
    }

    private static AgentClassLoader open(File agentJar, URL location, ClassLoader parent) throws IOException {
        // Not verified: the jar is the one the JVM already trusted to run premain.
        return new AgentClassLoader(new JarFile(agentJar, false), location, parent);
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
        JarEntry entry = entry(name.replace('.', '/') + ".class");
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
                definePackage(pkg, null, null, null, title, version, null, null);
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
        JarEntry entry = entry(name);
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
        JarEntry entry = entry(name);
        if (entry == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + entry.getName());
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL own = findResource(name);
        return own == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(Collections.singleton(own));
    }

    /** The jar's entry for a class file or resource: where the build hid it, else at the root. */
    private JarEntry entry(String name) {
        JarEntry hidden = jar.getJarEntry(HIDDEN + name);
        return hidden != null ? hidden : jar.getJarEntry(name);
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
