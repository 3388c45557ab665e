package dev.oauthagent.agent.cli;

/** {@code java -jar oauth-agent.jar <command>}. */
public final class Cli {
    private Cli() {
    }

    public static void main(String[] args) {
        System.out.println("oauth-agent");
    }
}
