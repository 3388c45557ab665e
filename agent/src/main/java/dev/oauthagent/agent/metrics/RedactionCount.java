package dev.oauthagent.agent.metrics;

/** How many secrets the log scrubber has replaced so far; an interface so that metrics need no scrubber. */
public interface RedactionCount {
    RedactionCount NONE = new RedactionCount() {
        @Override
        public long count() {
            return 0;
        }
    };

    long count();
}
