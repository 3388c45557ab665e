package dev.oauthagent.e2e.scrub;

/** System.out and System.err: println, writes split inside a secret and flushed piece by piece, printStackTrace. */
class StdStreamsScrubIT extends ScrubContract {
    @Override
    protected String appName() {
        return "stdout-app";
    }
}
