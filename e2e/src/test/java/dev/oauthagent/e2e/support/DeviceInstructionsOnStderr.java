package dev.oauthagent.e2e.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the agent's device flow tells the person on stderr, read as the person reads it: the page to open and the
 * code to type there. The agent prints them the same way under {@code login} and at an application's start.
 */
public record DeviceInstructionsOnStderr(String verificationUri, String userCode) {
    private static final Pattern OPEN = Pattern.compile("^  Open (\\S+)$");
    private static final Pattern USER_CODE = Pattern.compile("^  and enter the code ([A-Z]{4}-[A-Z]{4})$");

    /** Waits up to {@code timeout} for both lines on {@code process}'s stderr (or stdout). */
    public static DeviceInstructionsOnStderr await(JavaProcess process, Duration timeout) {
        return new DeviceInstructionsOnStderr(group(process.awaitLine(OPEN, timeout), OPEN),
                group(process.awaitLine(USER_CODE, timeout), USER_CODE));
    }

    /** The person opens the page, signs in, types the code and approves. */
    public BrowserlessUser.Outcome approve(AuthServer server) {
        return BrowserlessUser.of(server).approveDevice(verificationUri, userCode);
    }

    /** The person opens the page, signs in, types the code and refuses. */
    public BrowserlessUser.Outcome deny(AuthServer server) {
        return BrowserlessUser.of(server).denyDevice(verificationUri, userCode);
    }

    private static String group(String line, Pattern pattern) {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("not an instruction line: " + line);
        }
        return matcher.group(1);
    }
}
