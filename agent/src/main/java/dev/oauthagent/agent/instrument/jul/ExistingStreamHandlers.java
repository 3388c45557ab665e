package dev.oauthagent.agent.instrument.jul;

import dev.oauthagent.agent.instrument.ModuleAccess;
import dev.oauthagent.bootstrap.LogScrubber;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * After a runtime attach, the StreamHandlers the application made before the hook was in place (typically the
 * root logger's ConsoleHandler, holding the System.err of before the agent) keep writing to their raw stream:
 * the advice only sees streams set from now on. This gives each handler attached to a logger the same
 * scrubbing stream the inserted call would have, once, under the handler's own lock (the lock StreamHandler writes
 * under), so no line is lost or half written. Handlers no logger holds are out of reach (docs/scrubbing.md).
 *
 * <p>Uses StreamHandler's private fields {@code output} and {@code writer}, the same from Java 8 to 25
 * (JulInstrumentationTest reads them from the JDK's class file); java.util.logging is opened to the agent
 * for it.
 */
final class ExistingStreamHandlers {
    private final Field output;
    private final Field writer;

    private ExistingStreamHandlers(Field output, Field writer) {
        this.output = output;
        this.writer = writer;
    }

    static ExistingStreamHandlers bind(Instrumentation inst) throws Exception {
        ModuleAccess.openPackageOf(inst, StreamHandler.class, ExistingStreamHandlers.class);
        return bind();
    }

    /** Without opening java.util.logging: for Java 8 and for callers that already did. */
    static ExistingStreamHandlers bind() throws NoSuchFieldException {
        Field output = StreamHandler.class.getDeclaredField("output");
        Field writer = StreamHandler.class.getDeclaredField("writer");
        output.setAccessible(true);
        writer.setAccessible(true);
        return new ExistingStreamHandlers(output, writer);
    }

    /** Scrubs every StreamHandler attached to a logger LogManager knows; returns how many it changed. */
    int scrubRegistered(LogScrubber scrubber) throws IllegalAccessException, IOException {
        LogManager manager = LogManager.getLogManager();
        Set<Handler> seen = Collections.newSetFromMap(new IdentityHashMap<Handler, Boolean>());
        int changed = 0;
        Enumeration<String> names = manager.getLoggerNames();
        while (names.hasMoreElements()) {
            Logger logger = manager.getLogger(names.nextElement());
            if (logger == null) {
                continue; // collected since the names were listed
            }
            for (Handler handler : logger.getHandlers()) {
                if (handler instanceof StreamHandler && seen.add(handler)
                        && scrub((StreamHandler) handler, scrubber)) {
                    changed++;
                }
            }
        }
        return changed;
    }

    /** False when the handler is closed or already writes through a scrubbing stream. */
    boolean scrub(StreamHandler handler, LogScrubber scrubber) throws IllegalAccessException, IOException {
        synchronized (handler) {
            OutputStream current = (OutputStream) output.get(handler);
            if (current == null) {
                return false;
            }
            OutputStream scrubbing = scrubber.wrap(current);
            if (scrubbing == current) {
                return false;
            }
            Writer previous = (Writer) writer.get(handler);
            if (previous != null) {
                previous.flush(); // lines already published; closing it would close the application's stream
            }
            String encoding = handler.getEncoding();
            Writer next = encoding == null ? new OutputStreamWriter(scrubbing)
                    : new OutputStreamWriter(scrubbing, encoding);
            output.set(handler, scrubbing);
            writer.set(handler, next);
            return true;
        }
    }
}
