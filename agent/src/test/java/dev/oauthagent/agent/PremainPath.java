package dev.oauthagent.agent;

import dev.oauthagent.agent.config.ConfigLoader;
import dev.oauthagent.agent.instrument.Instrumenter;
import dev.oauthagent.agent.route.RouteTable;
import dev.oauthagent.bootstrap.Bridge;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The classes premain runs (or may run), found in this build's class files: for the premain-path tests. */
final class PremainPath {
    private PremainPath() {
    }

    /**
     * The whole config, route and scrub packages (the configuration is validated in premain, with the route
     * parsers; the redactor is built and System.out/err are wrapped there, and it runs on every log line), the
     * entry classes, the instrumentation classes premain touches (and the few the start-up thread runs before
     * the first request may go), and the bootstrap module's classes (their advice runs in JDK classes on every
     * request). Nested classes included.
     */
    static TreeSet<String> classNames() throws Exception {
        TreeSet<String> classes = new TreeSet<>();
        addPackage(classes, ConfigLoader.class, "");
        addPackage(classes, RouteTable.class, "");
        addPackage(classes, Bridge.class, "");
        addPackage(classes, dev.oauthagent.agent.scrub.Redactor.class, ""); // System.out/err are wrapped in premain
        for (String name : new String[] {"OAuthAgent", "AgentClassLoader", "AgentStartup", "StartupWarnings"}) {
            addPackage(classes, OAuthAgent.class, name);
        }
        for (String name : new String[] {"Instrumenter", "StartupGate", "BootstrapClasses", "ModuleAccess",
                "LibraryInstrumentation"}) {
            addPackage(classes, Instrumenter.class, name);
        }
        addPackage(classes, dev.oauthagent.agent.instrument.urlconnection.UrlConnectionInstrumentation.class,
                "UrlConnectionInstrumentation");
        addPackage(classes, dev.oauthagent.agent.instrument.httpclient.HttpClientInstrumentation.class,
                "HttpClientInstrumentation");
        addPackage(classes, dev.oauthagent.agent.instrument.logback.LogbackInstrumentation.class,
                "LogbackInstrumentation");
        addPackage(classes, dev.oauthagent.agent.instrument.log4j2.Log4j2Instrumentation.class,
                "Log4j2Instrumentation");
        addPackage(classes, dev.oauthagent.agent.instrument.jul.JulInstrumentation.class, "JulInstrumentation");
        addPackage(classes, dev.oauthagent.agent.instrument.juli.JuliInstrumentation.class, "JuliInstrumentation");
        addPackage(classes, dev.oauthagent.agent.instrument.slf4jsimple.Slf4jSimpleInstrumentation.class,
                "Slf4jSimpleInstrumentation");
        addPackage(classes, dev.oauthagent.agent.log.AgentLogging.class, "AgentLogging");
        return classes;
    }

    /** Classes of anchor's package whose simple name is topLevel or topLevel$...; every class when topLevel is "". */
    private static void addPackage(TreeSet<String> into, Class<?> anchor, String topLevel)
            throws IOException, URISyntaxException {
        String dir = anchor.getPackage().getName().replace('.', '/') + "/";
        Path location = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(location.resolve(dir), "*.class")) {
                for (Path file : files) {
                    entries.add(dir + file.getFileName());
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                Enumeration<JarEntry> all = jar.entries();
                while (all.hasMoreElements()) {
                    String name = all.nextElement().getName();
                    if (name.startsWith(dir) && name.endsWith(".class") && name.indexOf('/', dir.length()) < 0) {
                        entries.add(name);
                    }
                }
            }
        }
        for (String entry : entries) {
            String simple = entry.substring(dir.length(), entry.length() - ".class".length());
            if (topLevel.isEmpty() || simple.equals(topLevel) || simple.startsWith(topLevel + "$")) {
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                into.add(className);
            }
        }
    }
}
