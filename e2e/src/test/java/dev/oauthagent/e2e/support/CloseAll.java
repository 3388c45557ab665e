package dev.oauthagent.e2e.support;

/** Closes test servers in order, each even when one before it fails to close. */
public final class CloseAll {
    private CloseAll() {
    }

    /** Nulls (never started) are skipped. */
    public static void of(AutoCloseable... resources) {
        for (AutoCloseable c : resources) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the next one still closes
            }
        }
    }
}
