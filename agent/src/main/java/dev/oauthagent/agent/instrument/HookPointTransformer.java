package dev.oauthagent.agent.instrument;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts {@link HookPoint} calls into the few library classes the agent hooks, with ASM alone (byte-buddy's
 * relocated copy), in one pass over each class: no type pool, no method graphs, no frame computation. Every
 * other class costs one hash lookup of its name. See docs/decisions/0005 for why this replaced byte-buddy's
 * {@code AgentBuilder} and {@code Advice} for the JDK's HTTP clients.
 *
 * <p>A class whose hook method is missing (a JDK that changed it) is left as it is and logged: its requests
 * then go out as the application built them, as with any instrumentation failure.
 */
final class HookPointTransformer implements ClassFileTransformer {
    private static final Logger log = LoggerFactory.getLogger(Instrumenter.class);

    private final Map<String, List<HookPoint>> byInternalName = new HashMap<String, List<HookPoint>>();

    HookPointTransformer(Collection<HookPoint> points) {
        for (HookPoint point : points) {
            List<HookPoint> forClass = byInternalName.get(point.internalClassName);
            if (forClass == null) {
                forClass = new ArrayList<HookPoint>();
                byInternalName.put(point.internalClassName, forClass);
            }
            forClass.add(point);
        }
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
            byte[] transformed = insertCalls(classfileBuffer, points, applied);
            for (HookPoint point : points) {
                if (!applied.contains(point)) {
                    log.warn("cannot instrument {}: this JDK has no such method; requests through it get no token",
                            point);
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

    static byte[] insertCalls(byte[] classFile, List<HookPoint> points, Set<HookPoint> applied) {
        ClassReader reader = new ClassReader(classFile);
        // Flags 0: the inserted calls add no branches and no locals, so the class's own stack map frames stay
        // valid and ASM computes nothing (COMPUTE_FRAMES would load classes to find common supertypes).
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new HookedClass(writer, points, applied), 0);
        return writer.toByteArray();
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
                    visitor = new HookCallInserter(visitor, owner, access, point);
                    applied.add(point);
                }
            }
            return visitor;
        }
    }
}
