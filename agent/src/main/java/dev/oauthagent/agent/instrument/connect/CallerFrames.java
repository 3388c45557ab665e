package dev.oauthagent.agent.instrument.connect;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Walks the current thread's stack, innermost frame first, stopping where the visitor has seen enough. On Java 9+
 * with {@code StackWalker} (reached reflectively: the agent is compiled for Java 8), lazily and with each frame's
 * class, so a walk that stops after a dozen frames pays for a dozen frames. On Java 8 from a throwable's stack
 * trace, by class name only. Used only for a connection to a configured host, never per request.
 */
final class CallerFrames {
    private static final Walker WALKER = walker();

    private CallerFrames() {
    }

    static void walk(FrameVisitor visitor) {
        WALKER.walk(visitor);
    }

    private interface Walker {
        void walk(FrameVisitor visitor);
    }

    private static Walker walker() {
        try {
            return new StackWalkerFrames();
        } catch (Throwable java8) {
            return new StackTraceFrames();
        }
    }

    /** Java 9+: {@code StackWalker.getInstance(RETAIN_CLASS_REFERENCE).walk(...)}, reached through method handles. */
    private static final class StackWalkerFrames implements Walker {
        private final MethodHandle walk;
        private final MethodHandle declaringClass;

        @SuppressWarnings({"unchecked", "rawtypes"})
        StackWalkerFrames() throws Exception {
            Class<?> walkerType = Class.forName("java.lang.StackWalker");
            Class optionType = Class.forName("java.lang.StackWalker$Option");
            Object retainClasses = Enum.valueOf(optionType, "RETAIN_CLASS_REFERENCE");
            Object walker = walkerType.getMethod("getInstance", optionType).invoke(null, retainClasses);
            // A full lookup: walk is caller-sensitive, and a public lookup may not bind it.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            walk = lookup.findVirtual(walkerType, "walk", MethodType.methodType(Object.class, Function.class))
                    .bindTo(walker);
            declaringClass = lookup.findVirtual(Class.forName("java.lang.StackWalker$StackFrame"), "getDeclaringClass",
                    MethodType.methodType(Class.class));
        }

        @Override
        public void walk(final FrameVisitor visitor) {
            Function<Stream<?>, Object> visitFrames = new Function<Stream<?>, Object>() {
                @Override
                public Object apply(Stream<?> frames) {
                    for (Iterator<?> it = frames.iterator(); it.hasNext(); ) {
                        Class<?> type = declaringClassOf(it.next());
                        if (visitor.visit(type, type.getName())) {
                            break;
                        }
                    }
                    return null;
                }
            };
            try {
                Object ignored = walk.invoke(visitFrames);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private Class<?> declaringClassOf(Object frame) {
            try {
                return (Class<?>) declaringClass.invoke(frame);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /** Java 8: names only, from a stack trace (the whole stack is captured, once per walk). */
    private static final class StackTraceFrames implements Walker {
        @Override
        public void walk(FrameVisitor visitor) {
            for (StackTraceElement frame : new Throwable().getStackTrace()) {
                if (visitor.visit(null, frame.getClassName())) {
                    break;
                }
            }
        }
    }
}
