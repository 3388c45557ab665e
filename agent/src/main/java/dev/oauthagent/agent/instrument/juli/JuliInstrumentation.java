package dev.oauthagent.agent.instrument.juli;

import dev.oauthagent.agent.inject.Injector;
import dev.oauthagent.agent.instrument.HookPoint;
import dev.oauthagent.agent.instrument.LibraryInstrumentation;

import java.lang.instrument.Instrumentation;
import java.util.Collections;
import java.util.List;

/**
 * Tomcat JULI's file handlers ({@code org.apache.juli.FileHandler} and its subclass {@code AsyncFileHandler},
 * which write {@code catalina.<date>.log}, {@code localhost.<date>.log} and the like). They extend
 * {@code java.util.logging.Handler}, not {@code StreamHandler}, so the java.util.logging hook never sees their
 * files. One method is changed: {@code FileHandler.openWriter()}, which opens every file the handler writes,
 * the first one and each one it opens when the date rolls over, and builds the handler's only writer over it.
 * The stream given to that writer is wrapped by the redactor, so every line, head and tail, whatever the
 * formatter, passes it as bytes. AsyncFileHandler does not override openWriter; its background thread writes
 * through FileHandler.publish to the same writer. The same in Tomcat 9.0, 10.1 and 11.0 (read from their class
 * files; FileHandlerFunnelTest checks the one on its class path).
 *
 * <p>The class is named as a string and matched in whatever class loader defines it: Tomcat puts
 * tomcat-juli.jar on the system class path, embedded Tomcat and the test apps have it in the application's.
 * Nothing is transformed when scrubbing is off ({@code oauth.agent.scrub.enabled=false}).
 */
public final class JuliInstrumentation implements LibraryInstrumentation {
    static final String TARGET = "org.apache.juli.FileHandler";
    /** {@code protected void openWriter()}. */
    static final String METHOD = "openWriter";

    @Override
    public String withoutIt() {
        return "its log files are not scrubbed (System.out and System.err still are)";
    }

    @Override
    public String name() {
        return "Tomcat JULI";
    }

    @Override
    public String[] targetClasses() {
        return new String[] {TARGET};
    }

    @Override
    public void prepare(Instrumentation inst, Injector injector) {
        // Nothing to bind: the inserted call reads the redactor the scrubbing set-up installs in the Bridge.
    }

    @Override
    public List<HookPoint> hookPoints() {
        return Collections.singletonList(HookPoint.rewriting(TARGET, METHOD, "()V", new WriterStreamWrapping()));
    }

    /** Nothing to switch off here: the inserted call follows {@code Bridge.scrubber()}, which the redactor owns. */
    @Override
    public void disable() {
    }
}
