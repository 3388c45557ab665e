package dev.oauthagent.agent.instrument;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts {@link HookPoint} calls into the few library classes the agent hooks, with ASM alone (byte-buddy's
 * relocated copy), in one pass over each class: no type pool, no method graphs, no frame computation. Every
 * other class costs one hash lookup of its name. See docs/decisions/0005 for why this replaced byte-buddy's
 * {@code AgentBuilder} and {@code Advice} for the JDK's HTTP clients.
 *
 * <p>A class whose hook method is missing (a JDK or library version that changed it) is left as it is and
 * logged with what the application loses: its requests go out as the application built them, or its lines are
 * written unscrubbed, as with any instrumentation failure.
 */
final class HookPointTransformer implements ClassFileTransformer {
    private static final Logger log = LoggerFactory.getLogger(Instrumenter.class);

    private final Map<String, List<HookPoint>> byInternalName = new HashMap<String, List<HookPoint>>();
    private final Map<HookPoint, String> withoutIt;

    /** For tests: a missing method is logged with a generic consequence. */
    HookPointTransformer(Collection<HookPoint> points) {
        this(withoutIt(points, "it is not hooked"));
    }

    /**
     * A hooked class in a named module (logback or log4j on the module path, java.logging) needs no read edge
     * from us: the JVM makes a named module whose class an agent transformed read the unnamed modules of the
     * boot and application class loaders (JDK 9+, {@code Modules.transformedByAgent}), where the bootstrap
     * classes live. {@code LogbackModulePathScrubIT} runs that case.
     *
     * @param withoutIt each point, with what the application loses when its method is missing (for the log)
     */
    HookPointTransformer(Map<HookPoint, String> withoutIt) {
        this.withoutIt = withoutIt;
        for (HookPoint point : withoutIt.keySet()) {
            List<HookPoint> forClass = byInternalName.get(point.internalClassName);
            if (forClass == null) {
                forClass = new ArrayList<HookPoint>();
                byInternalName.put(point.internalClassName, forClass);
            }
            forClass.add(point);
        }
    }

    static Map<HookPoint, String> withoutIt(Collection<HookPoint> points, String consequence) {
        Map<HookPoint, String> map = new LinkedHashMap<HookPoint, String>();
        for (HookPoint point : points) {
            map.put(point, consequence);
        }
        return map;
    }

    /** Binary names of the classes it transforms. */
    Set<String> classNames() {
        Set<String> names = new HashSet<String>();
        for (String internalName : byInternalName.keySet()) {
            names.add(internalName.replace('/', '.'));
        }
        return names;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        List<HookPoint> points = className == null ? null : byInternalName.get(className);
        if (points == null) {
            return null;
        }
        try {
            Set<HookPoint> applied = new HashSet<HookPoint>();
            Set<HookPoint> skipped = new HashSet<HookPoint>();
            byte[] transformed = insertCalls(classfileBuffer, points, applied, skipped);
            for (HookPoint point : points) {
                if (!applied.contains(point) && !skipped.contains(point) && !point.optional) {
                    log.warn("cannot instrument {}: this version{} has no such method; {}", point,
                            origin(protectionDomain), withoutIt.get(point));
                }
            }
            if (applied.isEmpty()) {
                return null;
            }
            log.debug("instrumented {}", className.replace('/', '.'));
            return transformed;
        } catch (Throwable t) {
            log.warn("could not instrument {}: {}", className.replace('/', '.'), t.toString());
            return null;
        }
    }

    /**
     * " (<jar file name>)" for a class loaded from a jar or folder, which names the library's version in the warning
     * about a missing method (e.g. " (httpcore-4.4.16.jar)"); "" for a JDK class or when it cannot be told.
     */
    static String origin(ProtectionDomain domain) {
        try {
            CodeSource source = domain == null ? null : domain.getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || location.getPath() == null) {
                return "";
            }
            String path = location.getPath();
            int end = path.endsWith("/") ? path.length() - 1 : path.length();
            String name = path.substring(path.lastIndexOf('/', end - 1) + 1, end);
            return name.isEmpty() ? "" : " (" + name + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The class with the points' calls inserted; {@code applied} gets the points whose method was found,
     * {@code skipped} those left out because the class declares their {@code unlessClassDeclares} method.
     */
    static byte[] insertCalls(byte[] classFile, List<HookPoint> points, Set<HookPoint> applied,
                              Set<HookPoint> skipped) {
        ClassReader reader = new ClassReader(classFile);
        List<HookPoint> applicable = withoutSkipped(reader, points, skipped);
        // Flags 0: the inserted calls add no branches and no locals, so the class's own stack map frames stay
        // valid and ASM computes nothing (COMPUTE_FRAMES would load classes to find common supertypes).
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new HookedClass(writer, applicable, applied), 0);
        return writer.toByteArray();
    }

    private static List<HookPoint> withoutSkipped(ClassReader reader, List<HookPoint> points, Set<HookPoint> skipped) {
        Set<String> declared = null;
        List<HookPoint> applicable = new ArrayList<HookPoint>();
        for (HookPoint point : points) {
            if (point.unlessDeclared != null) {
                if (declared == null) {
                    declared = declaredMethods(reader);
                }
                if (declared.contains(point.unlessDeclared)) {
                    skipped.add(point);
                    continue;
                }
            }
            applicable.add(point);
        }
        return applicable;
    }

    /** Name + descriptor of every method the class declares: a pass that skips all code. */
    private static Set<String> declaredMethods(ClassReader reader) {
        final Set<String> declared = new HashSet<String>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                declared.add(name + descriptor);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return declared;
    }

    private static final class HookedClass extends ClassVisitor {
        private final List<HookPoint> points;
        private final Set<HookPoint> applied;
        private String owner;

        HookedClass(ClassVisitor next, List<HookPoint> points, Set<HookPoint> applied) {
            super(Opcodes.ASM9, next);
            this.points = points;
            this.applied = applied;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            owner = name;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
            for (HookPoint point : points) {
                if (point.methodName.equals(name) && point.methodDescriptor.equals(descriptor)) {
                    visitor = point.rewrite != null ? point.rewrite.wrap(visitor)
                            : new HookCallInserter(visitor, owner, access, point);
                    applied.add(point);
                }
            }
            return visitor;
        }
    }
}
