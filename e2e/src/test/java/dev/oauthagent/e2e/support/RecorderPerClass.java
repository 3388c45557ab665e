package dev.oauthagent.e2e.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link OriginRecorder} for a test class: started before its first test, emptied of earlier requests before
 * each test, stopped after its last.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final RecorderPerClass origin = new RecorderPerClass();
 * ... origin.recorder().url() ...
 * </pre>
 */
public final class RecorderPerClass implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private OriginRecorder recorder;

    /** The running recorder (from the class's first test on). */
    public OriginRecorder recorder() {
        if (recorder == null) {
            throw new IllegalStateException("the recorder starts before the class's first test; register this"
                    + " extension in a static field");
        }
        return recorder;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        recorder = OriginRecorder.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        recorder().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }
}
