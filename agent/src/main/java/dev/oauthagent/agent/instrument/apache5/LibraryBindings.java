package dev.oauthagent.agent.instrument.apache5;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Apache5Members} per copy of the library: bound the first time a hooked class of it runs, from that class's
 * loader, then read with one {@link ClassValue} lookup per hop (nothing allocated). A copy whose members do not
 * match is logged once, naming its version, and its requests go out as the application built them.
 * {@link Apache5Headers} alone, for HttpCore 5's classes, which run without HttpClient 5 as well: a copy of HttpCore
 * without the members is not logged here (the HttpClient 5 above it, if any, is).
 */
final class LibraryBindings {
    private static final Logger log = LoggerFactory.getLogger(LibraryBindings.class);

    private final ClassValue<Binding<Apache5Members>> byClass = new ClassValue<Binding<Apache5Members>>() {
        @Override
        protected Binding<Apache5Members> computeValue(Class<?> type) {
            return bind(type);
        }
    };
    private final ClassValue<Binding<Apache5Headers>> headersByClass = new ClassValue<Binding<Apache5Headers>>() {
        @Override
        protected Binding<Apache5Headers> computeValue(Class<?> type) {
            try {
                return new Binding<Apache5Headers>(new Apache5Headers(type.getClassLoader()));
            } catch (Throwable t) {
                log.debug("Apache HttpCore 5 (loaded by {}): no header members to bind ({})", type.getClassLoader(),
                        t.toString());
                return new Binding<Apache5Headers>(null);
            }
        }
    };

    /** The members for the library {@code hookedClass} belongs to, or null when that copy is not covered. */
    Apache5Members forLibraryClass(Class<?> hookedClass) {
        return byClass.get(hookedClass).members;
    }

    /** The header members of the HttpCore 5 {@code coreClass} belongs to, or null when they do not match. */
    Apache5Headers headersFor(Class<?> coreClass) {
        return headersByClass.get(coreClass).members;
    }

    private static Binding<Apache5Members> bind(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        try {
            return new Binding<Apache5Members>(Apache5Members.bind(loader));
        } catch (Throwable t) {
            log.warn("Apache HttpClient 5 {} (loaded by {}) is not the one the agent knows ({}); its requests get no"
                    + " token", versionNear(type), loader, t.toString());
            return new Binding<Apache5Members>(null);
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
    private static final class Binding<T> {
        final T members;

        Binding(T members) {
            this.members = members;
        }
    }
}
