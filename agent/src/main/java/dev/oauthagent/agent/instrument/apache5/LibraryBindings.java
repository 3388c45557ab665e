package dev.oauthagent.agent.instrument.apache5;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Apache5Members} per copy of the library: bound the first time a hooked class of it runs, from that class's
 * loader, then read with one {@link ClassValue} lookup per hop (nothing allocated). A copy whose members do not
 * match is logged once, naming its version, and its requests go out as the application built them.
 */
final class LibraryBindings {
    private static final Logger log = LoggerFactory.getLogger(LibraryBindings.class);

    private final ClassValue<Binding> byClass = new ClassValue<Binding>() {
        @Override
        protected Binding computeValue(Class<?> type) {
            return bind(type);
        }
    };

    /** The members for the library {@code hookedClass} belongs to, or null when that copy is not covered. */
    Apache5Members forLibraryClass(Class<?> hookedClass) {
        return byClass.get(hookedClass).members;
    }

    private static Binding bind(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        try {
            return new Binding(Apache5Members.bind(loader));
        } catch (Throwable t) {
            log.warn("Apache HttpClient 5 {} (loaded by {}) is not the one the agent knows ({}); its requests get no"
                    + " token", versionNear(type), loader, t.toString());
            return new Binding(null);
        }
    }

    private static String versionNear(Class<?> type) {
        try {
            return Apache5Members.versionOf(Class.forName(Apache5Members.CLIENT_CONTEXT, false, type.getClassLoader()));
        } catch (Throwable t) {
            return Apache5Members.versionOf(type);
        }
    }

    /** A bound copy, or a copy that could not be bound (members null). */
    private static final class Binding {
        final Apache5Members members;

        Binding(Apache5Members members) {
            this.members = members;
        }
    }
}
