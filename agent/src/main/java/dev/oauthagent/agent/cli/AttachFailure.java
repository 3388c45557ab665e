package dev.oauthagent.agent.cli;

/**
 * Attaching failed, with a message that says why and what to do. The attach API reports most causes as
 * the same two exception types; the JDK's own message text is what tells them apart, so it is matched
 * here, in one place, and the JDK's text is kept at the end for whatever is not recognised.
 */
final class AttachFailure extends Exception {
    private static final long serialVersionUID = 1L;

    static final String USE_JAVAAGENT = "restart the application with "
            + "-javaagent:oauth-agent.jar=config=... instead (see docs/attach.md)";

    AttachFailure(String message) {
        super(message);
    }

    /** Attaching to the target, or talking to it before the agent is loaded, failed. */
    static AttachFailure connecting(String pid, Throwable cause) {
        String type = cause.getClass().getSimpleName();
        String text = String.valueOf(cause.getMessage());
        if (type.equals("IOException") && text.contains("No such process")) {
            return noSuchProcess(pid);
        }
        if (text.contains("does not support the attach mechanism")) {
            return new AttachFailure("process " + pid + " refuses to be attached to: it was started with "
                    + "-XX:+DisableAttachMechanism. Restart it without that option, or " + USE_JAVAAGENT + ".");
        }
        if (text.contains("doesn't respond") || text.contains("Unable to open socket file")) {
            return new AttachFailure("process " + pid + " did not answer the attach request. Check that it is "
                    + "a JVM (`jps -l` lists it), runs as the same user as this command, was not started with "
                    + "-XX:+DisableAttachMechanism or -Xrs, and shares this machine's /tmp (for a container, "
                    + "run this command inside it). (" + type + ": " + text + ")");
        }
        if (text.contains("ermission denied") || text.contains("owned by") || text.contains("not secure")) {
            return new AttachFailure("not allowed to attach to process " + pid + ": attach works only as the "
                    + "user the application runs as; run this command as that user (e.g. `sudo -u <user> java "
                    + "-jar oauth-agent.jar attach " + pid + " ...`). (" + type + ": " + text + ")");
        }
        return new AttachFailure("attaching to process " + pid + " failed (" + type + ": " + text + "). "
                + "Check the pid with `jps -l`, or " + USE_JAVAAGENT + ".");
    }

    /** The target accepted the connection but did not load the agent. */
    static AttachFailure loading(String pid, Throwable cause) {
        String type = cause.getClass().getSimpleName();
        String text = String.valueOf(cause.getMessage());
        if (text.contains("Dynamic agent loading is not enabled")) {
            return new AttachFailure("process " + pid + " does not accept agents loaded at run time (it runs with "
                    + "-XX:-EnableDynamicAgentLoading). Restart it with -XX:+EnableDynamicAgentLoading, or "
                    + USE_JAVAAGENT + ".");
        }
        if (type.equals("AgentInitializationException")) {
            return new AttachFailure("process " + pid + " loaded the agent but its agentmain failed; the reason "
                    + "is on the application's stderr. (" + type + ": " + text + ")");
        }
        return new AttachFailure("process " + pid + " did not load the agent (" + type + ": " + text + "). "
                + "The application's stderr may say more; " + USE_JAVAAGENT + ".");
    }

    static AttachFailure noSuchProcess(String pid) {
        return new AttachFailure("no process with pid " + pid + " is running; find the application's pid with "
                + "`jps -l` (run as the application's user).");
    }
}
