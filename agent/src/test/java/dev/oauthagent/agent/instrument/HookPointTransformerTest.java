package dev.oauthagent.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transformer on a class shaped like the JDK methods it hooks, loaded from the transformed bytes by a
 * class loader of its own, so the JVM verifies the result (stack map frames included) as it would a JDK class.
 */
class HookPointTransformerTest {
    private static final String TARGET = HookTarget.class.getName();
    private static final String HOOKS = RecordingHooks.class.getName().replace('.', '/');
    private static final String TWO_OBJECTS = "(Ljava/lang/Object;Ljava/lang/Object;)V";

    private static final HookPoint AT_WRITE = HookPoint.atEntry(TARGET, "write", "()V")
            .pushThis().pushField("label", "Ljava/lang/String;").calls(HOOKS, "beforeWrite", TWO_OBJECTS);
    private static final HookPoint AFTER_READ = HookPoint.at(HookPoint.Position.EXIT_OR_THROW, TARGET, "read",
                    "(I)Ljava/lang/String;")
            .pushThis().pushField("label", "Ljava/lang/String;").calls(HOOKS, "afterRead", TWO_OBJECTS);
    private static final HookPoint AFTER_NEXT = HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, TARGET,
                    "next", "(Ljava/lang/String;)Ljava/lang/String;")
            .pushThis().pushArgument(0)
            .calls(HOOKS, "afterNext", "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;");
    private static final HookPoint AFTER_RETRY = HookPoint.at(HookPoint.Position.EXIT_REPLACING_RETURN_VALUE, TARGET,
                    "retry", "(I)Z")
            .pushThis().pushArgument(0).calls(HOOKS, "afterRetry", "(ZLjava/lang/Object;I)Z");

    private static final HookPoint LINE = HookPoint.atEntry(TARGET, "line", "([B)Ljava/lang/String;")
            .pushArgument(0).replacingArgument(0).calls(HOOKS, "replaceLine", "([B)[B");
    private static final HookPoint RANGE = HookPoint.atEntry(TARGET, "range", "([BII)Ljava/lang/String;")
            .pushArgument(0).pushArgument(1).pushArgument(2).replacingRange(0, 1, 2)
            .calls(HOOKS, "replaceRange", "([BII)[B");
    private static final HookPoint LABEL = HookPoint.atEntry(TARGET, "<init>", "(Ljava/lang/String;)V")
            .pushArgument(0).replacingArgument(0).calls(HOOKS, "replaceLabel", "(Ljava/lang/String;)Ljava/lang/String;");

    @BeforeEach
    void resetHooks() {
        RecordingHooks.reset();
    }

    @Test
    void entryCallRunsBeforeTheMethodBodyWithThisAndAFieldOfIt() throws Throwable {
        Object target = transformed(AT_WRITE, AFTER_READ, AFTER_NEXT);

        call(target, "write");

        assertThat(RecordingHooks.CALLS).containsExactly("beforeWrite target on HookTarget");
        assertThat(trace(target)).isEqualTo("write;");
    }

    @Test
    void anIOExceptionThrownByTheEntryCallFailsTheMethodBeforeItsBodyRuns() throws Throwable {
        Object target = transformed(AT_WRITE);
        RecordingHooks.refusal = new IOException("oauth-agent: no token for client 'x'");

        assertThatThrownBy(() -> call(target, "write")).isSameAs(RecordingHooks.refusal);
        assertThat(trace(target)).isEmpty();
    }

    @Test
    void exitCallRunsOnANormalReturnAndOnAReturnFromInsideTheMethodsOwnCatchBlock() throws Throwable {
        Object target = transformed(AFTER_READ);

        assertThat(call(target, "read", 0)).isEqualTo("body");
        assertThat(call(target, "read", 2)).isEqualTo("recovered");

        assertThat(RecordingHooks.CALLS).containsExactly("afterRead target", "afterRead target");
        assertThat(trace(target)).as("the method's own handler still catches its exception").isEqualTo("caught;");
    }

    @Test
    void exitCallRunsWhenTheMethodThrowsAndTheSameThrowableStillReachesTheCaller() throws Throwable {
        Object target = transformed(AFTER_READ);

        assertThatThrownBy(() -> call(target, "read", 1)).isInstanceOf(IOException.class).hasMessage("read failed");
        assertThat(RecordingHooks.CALLS).containsExactly("afterRead target");
    }

    @Test
    void replacingExitCallSeesTheReturnValueAndMayReplaceOnlyANullOne() throws Throwable {
        Object target = transformed(AFTER_NEXT);
        RecordingHooks.replacement = "resend";

        assertThat(call(target, "next", "redirect 302")).isEqualTo("follow redirect 302");
        assertThat(call(target, "next", "200")).isEqualTo("resend");
        assertThat(RecordingHooks.CALLS).containsExactly("afterNext next=follow redirect 302 response=redirect 302",
                "afterNext next=null response=200");
    }

    @Test
    void replacingExitCallOfABooleanMethodSeesEachDecisionAndReturnsItsOwn() throws Throwable {
        Object target = transformed(AFTER_RETRY);
        RecordingHooks.retryStatus = 401;

        assertThat(call(target, "retry", 407)).isEqualTo(true);
        assertThat(call(target, "retry", 401)).isEqualTo(true);
        assertThat(call(target, "retry", 500)).isEqualTo(false);
        assertThat(RecordingHooks.CALLS).containsExactly("afterRetry decided=true status=407",
                "afterRetry decided=false status=401", "afterRetry decided=false status=500");
    }

    @Test
    void theWarningAboutAMissingMethodNamesTheJarTheClassCameFromWhichNamesTheLibrarysVersion() throws Exception {
        java.security.ProtectionDomain fromJar = new java.security.ProtectionDomain(new java.security.CodeSource(
                new java.net.URL("file:/app/WEB-INF/lib/httpcore-4.4.16.jar"), (java.security.cert.Certificate[]) null),
                null);
        java.security.ProtectionDomain fromFolder = new java.security.ProtectionDomain(new java.security.CodeSource(
                new java.net.URL("file:/app/classes/"), (java.security.cert.Certificate[]) null), null);

        assertThat(HookPointTransformer.origin(fromJar)).isEqualTo(" (httpcore-4.4.16.jar)");
        assertThat(HookPointTransformer.origin(fromFolder)).isEqualTo(" (classes)");
        assertThat(HookPointTransformer.origin(null)).as("a JDK class").isEmpty();
    }

    @Test
    void replacingEntryCallSwapsTheArrayArgumentForTheWholeBody() throws Throwable {
        Object target = transformed(LINE);

        assertThat(call(target, "line", (Object) bytes("clean"))).isEqualTo("clean");
        RecordingHooks.lineReplacement = bytes("[REDACTED]");
        assertThat(call(target, "line", (Object) bytes("secret"))).isEqualTo("[REDACTED]");
        assertThat(RecordingHooks.CALLS).containsExactly("replaceLine clean", "replaceLine secret");
    }

    @Test
    void replacingRangeKeepsOffsetAndLengthForTheSameArrayAndWritesAReplacementWhole() throws Throwable {
        Object target = transformed(RANGE);

        assertThat(call(target, "range", bytes("xxcleanxx"), 2, 5)).isEqualTo("clean");
        RecordingHooks.lineReplacement = bytes("[REDACTED]");
        assertThat(call(target, "range", bytes("xxsecretxx"), 2, 6)).isEqualTo("[REDACTED]");
        assertThat(RecordingHooks.CALLS).containsExactly("replaceRange clean", "replaceRange secret");
    }

    @Test
    void aConstructorsArgumentIsReplacedBeforeTheConstructorUsesIt() throws Throwable {
        HookPointTransformer transformer = new HookPointTransformer(List.of(LABEL));
        byte[] bytes = transformer.transform(null, internalName(), null, null, classBytes());
        Class<?> type = new SingleClassLoader(TARGET, bytes).loadClass(TARGET);

        Object target = type.getConstructor(String.class).newInstance("file");

        assertThat(target.getClass().getField("label").get(target)).isEqualTo("hooked file");
    }

    @Test
    void aPointIsSkippedWhenTheClassDeclaresTheMethodNamedByUnlessClassDeclares() throws Throwable {
        HookPoint fallback = HookPoint.atEntry(TARGET, "line", "([B)Ljava/lang/String;")
                .unlessClassDeclares("range", "([BII)Ljava/lang/String;")
                .pushArgument(0).replacingArgument(0).calls(HOOKS, "replaceLine", "([B)[B");
        HookPoint newer = HookPoint.atEntry(TARGET, "range", "([BII)Ljava/lang/String;").optional()
                .pushArgument(0).pushArgument(1).pushArgument(2).replacingRange(0, 1, 2)
                .calls(HOOKS, "replaceRange", "([BII)[B");
        Set<HookPoint> applied = new HashSet<>();
        Set<HookPoint> skipped = new HashSet<>();

        HookPointTransformer.insertCalls(classBytes(), List.of(fallback, newer), applied, skipped);

        assertThat(applied).containsExactly(newer);
        assertThat(skipped).containsExactly(fallback);
    }

    @Test
    void aRewriteIsAppliedToItsMethodOnly() throws Throwable {
        List<String> rewritten = new ArrayList<>();
        HookPoint rewrite = HookPoint.rewriting(TARGET, "write", "()V", next -> {
            rewritten.add("write");
            return next;
        });

        Object target = transformed(rewrite);

        assertThat(rewritten).containsExactly("write");
        call(target, "write");
        assertThat(trace(target)).isEqualTo("write;");
    }

    @Test
    void onlyACallAtEntryMayReplaceArguments() {
        assertThatThrownBy(() -> HookPoint.at(HookPoint.Position.EXIT, TARGET, "line", "([B)Ljava/lang/String;")
                .pushArgument(0).replacingArgument(0).calls(HOOKS, "replaceLine", "([B)[B"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void classWithoutTheHookedMethodIsLeftUnchanged() throws Throwable {
        HookPoint missing = HookPoint.atEntry(TARGET, "write", "(I)V").pushThis()
                .calls(HOOKS, "beforeWrite", TWO_OBJECTS);
        HookPointTransformer transformer = new HookPointTransformer(List.of(missing));

        assertThat(transformer.transform(null, internalName(), null, null, classBytes())).isNull();
    }

    @Test
    void otherClassesAreNotTouched() throws Throwable {
        HookPointTransformer transformer = new HookPointTransformer(List.of(AT_WRITE));

        assertThat(transformer.transform(null, "java/lang/String", null, null, classBytes())).isNull();
        assertThat(transformer.classNames()).containsExactly(TARGET);
    }

    private static Object transformed(HookPoint... points) throws Exception {
        HookPointTransformer transformer = new HookPointTransformer(List.of(points));
        byte[] bytes = transformer.transform(null, internalName(), null, null, classBytes());
        assertThat(bytes).as("transformed class").isNotNull();
        Class<?> type = new SingleClassLoader(TARGET, bytes).loadClass(TARGET);
        return type.getConstructor().newInstance();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Object call(Object target, String method, Object... args) throws Throwable {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new AssertionError("no method " + method);
    }

    private static String trace(Object target) throws Exception {
        return target.getClass().getField("trace").get(target).toString();
    }

    private static String internalName() {
        return TARGET.replace('.', '/');
    }

    private static byte[] classBytes() throws IOException {
        try (InputStream in = HookTarget.class.getResourceAsStream("HookTarget.class")) {
            return in.readAllBytes();
        }
    }

    /** Defines one class from the given bytes and delegates everything else (the hooks) to the test's loader. */
    private static final class SingleClassLoader extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        SingleClassLoader(String name, byte[] bytes) {
            super(HookPointTransformerTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.equals(name)) {
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(className, resolve);
        }
    }
}
