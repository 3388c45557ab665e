package dev.oauthagent.agent.token.device;

import java.io.PrintStream;

/**
 * What the person must do, printed once before polling starts: where to go, the code to enter, the link that
 * carries the code when the server gave one, and how long the code is valid. Never the device code: it is
 * the credential the agent polls with, not something a person types.
 */
final class DeviceInstructions {
    private final String clientName;

    DeviceInstructions(String clientName) {
        this.clientName = clientName;
    }

    void print(PrintStream out, DeviceAuthorization authorization) {
        StringBuilder s = new StringBuilder();
        s.append("oauth-agent: client '").append(clientName).append("' needs you to sign in.\n");
        s.append("  Open ").append(authorization.verificationUri()).append('\n');
        s.append("  and enter the code ").append(authorization.userCode()).append('\n');
        if (authorization.verificationUriComplete() != null) {
            s.append("  (or open ").append(authorization.verificationUriComplete()).append(")\n");
        }
        s.append("  The code is valid for ").append(TimeLeft.format(authorization.expiresInSeconds()))
                .append(" (minutes:seconds).");
        out.println(s);
        out.flush();
    }
}
