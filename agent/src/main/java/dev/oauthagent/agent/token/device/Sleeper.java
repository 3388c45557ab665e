package dev.oauthagent.agent.token.device;

import java.util.concurrent.TimeUnit;

/** Waits between polls. Injected so that tests move a fake clock instead of sleeping. */
interface Sleeper {
    /** Waits about {@code nanos}; interruptible. */
    void sleep(long nanos) throws InterruptedException;

    Sleeper SYSTEM = new Sleeper() {
        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };
}
