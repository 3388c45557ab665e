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
    /** The class loader of the JDK's own module layers beyond the boot layer: it defines named modules only. */
    private static final String LAYER_LOADER = "jdk.internal.loader.Loader";
    private static final Method IS_NAMED = MODULE == null ? null : method(MODULE, "isNamed");
    private static final Method CAN_READ = MODULE == null ? null : method(MODULE, "canRead", MODULE);
    private static final Method GET_PACKAGES = MODULE == null ? null : method(MODULE, "getPackages");
    private static final Method GET_CLASS_LOADER = MODULE == null ? null : method(MODULE, "getClassLoader");
    private static final Method GET_LAYER = MODULE == null ? null : method(MODULE, "getLayer");

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

    /**
     * Lets the module of a class read {@code target}'s module, if it is a named module that does not already:
     * the class's own module when it is being retransformed ({@code redefined}), else the boot layer's module
     * of {@code loader} that holds {@code packageName} (a class being defined has no Class object yet). A
     * module of another layer cannot be found that way; false for a class of one (a loader of the JDK's
     * {@code ModuleLayer.defineModulesWith…}), which must then be left as it is: its first inserted call would
     * fail to link. Modules a custom loader defines in another layer are not recognised (docs/scrubbing.md).
     */
    static boolean addReadsFromPackage(Instrumentation inst, Class<?> redefined, ClassLoader loader, String packageName,
                                    Class<?> target) throws Exception {
        if (REDEFINE_MODULE == null) {
            return true;
        }
        Object module = redefined != null ? GET_MODULE.invoke(redefined) : bootLayerModule(loader, packageName);
        if (module == null) {
            return loader == null || !loader.getClass().getName().equals(LAYER_LOADER);
        }
        if (!(Boolean) IS_NAMED.invoke(module)) {
            return true; // an unnamed module reads every module
        }
        Object readModule = GET_MODULE.invoke(target);
        if (!(Boolean) CAN_READ.invoke(module, readModule)) {
            REDEFINE_MODULE.invoke(inst, module, Collections.singleton(readModule), Collections.emptyMap(),
                    Collections.emptyMap(), Collections.emptySet(), Collections.emptyMap());
        }
        return true;
    }

    /** The boot layer's module defined to {@code loader} that holds {@code packageName}, or null. */
    private static Object bootLayerModule(ClassLoader loader, String packageName) throws Exception {
        Object bootLayer = GET_LAYER.invoke(GET_MODULE.invoke(Object.class));
        for (Object module : (Set<?>) bootLayer.getClass().getMethod("modules").invoke(bootLayer)) {
            if (GET_CLASS_LOADER.invoke(module) == loader
                    && ((Set<?>) GET_PACKAGES.invoke(module)).contains(packageName)) {
                return module;
            }
        }
        return null;
    }

    private static Method method(Class<?> owner, String name, Class<?>... parameters) {
        try {
            return owner.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null; // Java 8
        }
    }
}
