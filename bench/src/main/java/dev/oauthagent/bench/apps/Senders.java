package dev.oauthagent.bench.apps;

/** What the start-up programs with clients do once their clients are built. */
final class Senders {
    private Senders() {
    }

    /**
     * With {@code mode} "requests", one GET through each sender (each must answer 200); with "clients", none. Prints
     * {@code <tag> requests=<n>} and exits at once: nothing of the clients keeps the JVM busy, as with Hello.
     */
    static void startAndExit(String tag, String mode, Sender... senders) throws Exception {
        boolean send = "requests".equals(mode);
        int sent = 0;
        for (Sender sender : senders) {
            if (send && sender.get() != 200) {
                System.exit(1);
            }
            sent += send ? 1 : 0;
        }
        System.out.println(tag + " requests=" + sent);
        System.exit(0);
    }
}
