package dev.oauthagent.agent.cli;

import java.util.List;

final class VersionCommand implements Command {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "version                 print the agent's version and the running JVM";
    }

    @Override
    public int run(List<String> args, CliContext context) {
        context.out().println("oauth-agent " + version() + " on Java " + System.getProperty("java.version"));
        return Cli.EXIT_OK;
    }

    static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "(development build)" : v;
    }
}
