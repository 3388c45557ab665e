package dev.oauthagent.agent.instrument;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Opens JDK-internal packages to the agent with {@code Instrumentation.redefineModule}, so users never need
 * {@code --add-opens}/{@code --add-exports} flags. Reflective because agent code compiles for Java 8, where
 * modules do not exist; on Java 8 every call is a no-op.
 */
public final class ModuleAccess {
    private static final Method GET_MODULE = method(Class.class, "getModule");
    private static final Class<?> MODULE = GET_MODULE == null ? null : GET_MODULE.getReturnType();
    private static final Method REDEFINE_MODULE = MODULE == null ? null
            : method(Instrumentation.class, "redefineModule", MODULE, Set.class, Map.class, Map.class, Set.class,
                    Map.class);
    private static final Method GET_PACKAGE_NAME = method(Class.class, "getPackageName");

    private ModuleAccess() {
    }

    /** Exports (and opens, for private members) the package of {@code internal} to the module of {@code to}. */
    public static void openPackageOf(Instrumentation inst, Class<?> internal, Class<?> to) throws Exception {
        if (REDEFINE_MODULE == null) {
            return;
        }
        Object source = GET_MODULE.invoke(internal);
        Object target = GET_MODULE.invoke(to);
        String pkg = (String) GET_PACKAGE_NAME.invoke(internal);
        Map<String, Set<Object>> access = Collections.singletonMap(pkg, Collections.singleton(target));
        REDEFINE_MODULE.invoke(inst, source, Collections.emptySet(), access, access, Collections.emptySet(),
                Collections.emptyMap());
    }

    /** Lets code in the module of {@code reader} (e.g. advice inlined into java.base) link against {@code target}'s module. */
    public static void addReads(Instrumentation inst, Class<?> reader, Class<?> target) throws Exception {
        if (REDEFINE_MODULE == null) {
            return;
        }
        Object source = GET_MODULE.invoke(reader);
        Object readModule = GET_MODULE.invoke(target);
        REDEFINE_MODULE.invoke(inst, source, Collections.singleton(readModule), Collections.emptyMap(),
                Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            return owner.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null; // Java 8
        }
    }
}
