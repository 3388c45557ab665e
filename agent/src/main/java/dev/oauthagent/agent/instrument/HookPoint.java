package dev.oauthagent.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One call the agent inserts into one method of a library class: a static method of a bootstrap class
 * (e.g. {@code dev.oauthagent.bootstrap.UrlConnectionAdvice.beforeWrite}), called at the method's start or
 * before each of its returns, with values of the method's frame as arguments. The whole logic stays in that
 * static method; the inserted bytecode is the call alone, so nothing in it can fail but the call, and
 * {@link HookPointTransformer} needs no type information beyond the names given here.
 *
 * <pre>
 * HookPoint.atEntry(TARGET, "writeRequests", "()V")
 *         .pushThis().pushField("url", "Ljava/net/URL;").pushField("requests", "Lsun/net/www/MessageHeader;")
 *         .calls("dev/oauthagent/bootstrap/UrlConnectionAdvice", "beforeWrite",
 *                 "(Ljava/lang/Object;Ljava/net/URL;Ljava/lang/Object;)V");
 * </pre>
 */
public final class HookPoint {
    /** Where in the method the call goes. */
    public enum Position {
        /** Before the first instruction. */
        ENTRY,
        /** Before each return instruction; a reference return value stays on the stack beneath the arguments. */
        EXIT,
        /** Before each return, and when a throwable leaves the method (then it is rethrown after the call). */
        EXIT_OR_THROW,
        /**
         * Before each return of a reference: the returned value is the call's first argument and the call's
         * result is returned instead (cast to the method's return type). For a method returning {@code boolean},
         * before each return of it: the call takes the boolean first and returns the boolean to return.
         */
        EXIT_REPLACING_RETURN_VALUE
    }

    /** A method-level rewrite richer than one call (e.g. wrapping a constructor argument inside the body). */
    public interface MethodRewrite {
        MethodVisitor wrap(MethodVisitor next);
    }

    /** What one argument of the call is. */
    static final class Value {
        static final int THIS = 0;
        static final int FIELD = 1;
        static final int ARGUMENT = 2;

        final int kind;
        final String name;
        final String descriptor;
        final int index;

        private Value(int kind, String name, String descriptor, int index) {
            this.kind = kind;
            this.name = name;
            this.descriptor = descriptor;
            this.index = index;
        }
    }

    final String className;
    final String internalClassName;
    final String methodName;
    final String methodDescriptor;
    final Position position;
    final List<Value> values;
    final String hookOwner;
    final String hookName;
    final String hookDescriptor;
    /** Parameter indexes the call's result is stored into (one: that argument; three: array, offset, length). */
    final int[] replaced;
    /** A method (name + descriptor) whose presence in the class means this point is not applied; or null. */
    final String unlessDeclared;
    /** Instead of a call: a rewrite of the whole method body; or null. */
    final MethodRewrite rewrite;
    /** Whether a class without the method is expected (another point covers it), rather than logged. */
    final boolean optional;

    private HookPoint(String className, String methodName, String methodDescriptor, Position position,
                      List<Value> values, String hookOwner, String hookName, String hookDescriptor, int[] replaced,
                      String unlessDeclared, MethodRewrite rewrite, boolean optional) {
        this.className = className;
        this.internalClassName = className.replace('.', '/');
        this.methodName = methodName;
        this.methodDescriptor = methodDescriptor;
        this.position = position;
        this.values = values;
        this.hookOwner = hookOwner;
        this.hookName = hookName;
        this.hookDescriptor = hookDescriptor;
        this.replaced = replaced;
        this.unlessDeclared = unlessDeclared;
        this.rewrite = rewrite;
        this.optional = optional;
    }

    /** A call at the start of {@code className.methodName} with that exact descriptor. */
    public static Builder atEntry(String className, String methodName, String methodDescriptor) {
        return new Builder(className, methodName, methodDescriptor, Position.ENTRY);
    }

    public static Builder at(Position position, String className, String methodName, String methodDescriptor) {
        return new Builder(className, methodName, methodDescriptor, position);
    }

    /**
     * {@code rewrite} applied to {@code className.methodName}: for changes that one call at entry or exit
     * cannot make. The rewrite must keep the method's stack map frames valid (no branches, no new locals).
     */
    public static HookPoint rewriting(String className, String methodName, String methodDescriptor,
                                      MethodRewrite rewrite) {
        return new HookPoint(className, methodName, methodDescriptor, Position.ENTRY,
                Collections.<Value>emptyList(), null, null, null, new int[0], null, rewrite, false);
    }

    /** As {@link #rewriting}, where a class may lack the method: another point covers its other versions. */
    public static HookPoint rewritingIfPresent(String className, String methodName, String methodDescriptor,
                                               MethodRewrite rewrite) {
        return new HookPoint(className, methodName, methodDescriptor, Position.ENTRY,
                Collections.<Value>emptyList(), null, null, null, new int[0], null, rewrite, true);
    }

    /** e.g. "sun.net.www.protocol.http.HttpURLConnection.writeRequests()V". */
    @Override
    public String toString() {
        return className + "." + methodName + methodDescriptor;
    }

    /** Collects the call's arguments in order, then names the static method. */
    public static final class Builder {
        private final String className;
        private final String methodName;
        private final String methodDescriptor;
        private final Position position;
        private final List<Value> values = new ArrayList<Value>();
        private int[] replaced = new int[0];
        private String unlessDeclared;
        private boolean optional;

        private Builder(String className, String methodName, String methodDescriptor, Position position) {
            this.className = className;
            this.methodName = methodName;
            this.methodDescriptor = methodDescriptor;
            this.position = position;
        }

        public Builder pushThis() {
            values.add(new Value(Value.THIS, null, null, 0));
            return this;
        }

        /** A field of {@code this} (declared in the class or a superclass), e.g. ("url", "Ljava/net/URL;"). */
        public Builder pushField(String name, String descriptor) {
            values.add(new Value(Value.FIELD, name, descriptor, 0));
            return this;
        }

        /** The method's parameter {@code index} (0 is the first parameter, not {@code this}). */
        public Builder pushArgument(int index) {
            values.add(new Value(Value.ARGUMENT, null, null, index));
            return this;
        }

        /**
         * For {@link Position#ENTRY}: the call returns the new value of parameter {@code index} (a reference),
         * which replaces the argument for the whole method body. The call must return that parameter's type.
         */
        public Builder replacingArgument(int index) {
            replaced = new int[] {index};
            return this;
        }

        /**
         * For {@link Position#ENTRY}, a byte range given as three parameters ({@code byte[]}, {@code int} offset,
         * {@code int} length): the call returns a {@code byte[]}, either the array it was given (the range stays
         * as it was) or a new one to write as a whole. The hook's owner must also declare
         * {@code static int offsetAfter(byte[] result, byte[] original, int offset)} and
         * {@code static int lengthAfter(byte[] result, byte[] original, int length)}, which give the new offset
         * and length; the inserted code stays free of branches that way.
         */
        public Builder replacingRange(int array, int offset, int length) {
            replaced = new int[] {array, offset, length};
            return this;
        }

        /**
         * Applies the point only to a class that does not declare {@code name + descriptor}: for a library whose
         * versions moved the hooked work to another method, one point per version, exactly one applied.
         */
        public Builder unlessClassDeclares(String name, String descriptor) {
            unlessDeclared = name + descriptor;
            return this;
        }

        /**
         * A class without the method is expected: the library's other versions are covered by a point with
         * {@link #unlessClassDeclares} this method, so its absence is not logged.
         */
        public Builder optional() {
            optional = true;
            return this;
        }

        /**
         * The static method called, by internal owner name, name and descriptor. Its parameters are the values
         * pushed, preceded by the returned value for {@link Position#EXIT_REPLACING_RETURN_VALUE}, which also
         * returns an Object (a boolean for a method returning boolean); for {@link #replacingArgument} and {@link #replacingRange} it returns the replacement;
         * otherwise it returns void.
         */
        public HookPoint calls(String owner, String name, String descriptor) {
            if (replaced.length > 0 && position != Position.ENTRY) {
                throw new IllegalStateException("only a call at entry can replace arguments: " + methodName);
            }
            return new HookPoint(className, methodName, methodDescriptor, position,
                    Collections.unmodifiableList(new ArrayList<Value>(values)), owner, name, descriptor, replaced,
                    unlessDeclared, null, optional);
        }
    }
}
