package dev.oauthagent.agent.instrument;

import dev.oauthagent.bootstrap.Bridge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;

/**
 * Lets the module of a class the agent transforms read the bootstrap classes' module, before the class runs
 * its first inserted call: a class in a named module (logback or log4j on the module path, java.logging)
 * cannot link against the boot loader's unnamed module otherwise. A class in an unnamed module reads every
 * module and needs nothing.
 */
class ReadEdges {
    /** For tests that load transformed classes in unnamed modules. */
    static final ReadEdges NONE = new ReadEdges(null);

    private static final Logger log = LoggerFactory.getLogger(Instrumenter.class);

    private final Instrumentation inst;

    ReadEdges(Instrumentation inst) {
        this.inst = inst;
    }

    /**
     * @param loader the class's loader (null: the boot loader)
     * @param internalName e.g. "ch/qos/logback/core/OutputStreamAppender"
     * @param redefined the class itself when it is retransformed, null when it is being defined
     * @return false when the class's module cannot be given the edge: it must be left untransformed, as its
     *         first inserted call would fail to link in the application's thread
     */
    boolean toBootstrapClasses(ClassLoader loader, String internalName, Class<?> redefined) {
        if (inst == null) {
            return true;
        }
        try {
            int slash = internalName.lastIndexOf('/');
            String packageName = slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
            return ModuleAccess.addReadsFromPackage(inst, redefined, loader, packageName, Bridge.class);
        } catch (Throwable t) {
            log.debug("could not let the module of {} read the bootstrap classes", internalName, t);
            return false;
        }
    }
}
