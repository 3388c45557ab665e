package dev.oauthagent.agent.token.code;

import java.nio.charset.StandardCharsets;

/**
 * The small pages the loopback listener shows in the browser: that the login worked and the window can be
 * closed, or why it did not. Plain words, no script, no link, no image: the page's own URL holds the code, and
 * nothing on it may send that anywhere (the headers in {@link LoopbackCallbackServer} say the same).
 * Never shows the code or a token.
 */
final class CallbackPage {
    final int status;
    final byte[] body;

    private CallbackPage(int status, String title, String text) {
        this.status = status;
        this.body = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body><h1>" + escape(title) + "</h1>\n<p>" + escape(text) + "</p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The code was redeemed: the login worked. */
    static CallbackPage loggedIn(String clientName) {
        return new CallbackPage(200, "Login worked",
                "The login for client '" + clientName + "' worked: oauth-agent has its tokens. You can close this"
                        + " window.");
    }

    /** The code arrived, but the flow ended without saying how its redemption went (interrupted, or too slow). */
    static CallbackPage received(String clientName) {
        return new CallbackPage(200, "Login received",
                "oauth-agent received the login for client '" + clientName + "'; the terminal where the login"
                        + " runs says whether it worked. You can close this window.");
    }

    /** @param reason sanitised text that says why */
    static CallbackPage failed(String clientName, String reason) {
        return new CallbackPage(400, "Login did not work",
                "The login for client '" + clientName + "' did not work: " + reason
                        + ". You can close this window and run the login again.");
    }

    static CallbackPage wrongState() {
        return new CallbackPage(400, "Not the login in progress",
                "This answer does not belong to the login oauth-agent is waiting for, so it was ignored. If you"
                        + " started a login, use the address it printed last. You can close this window.");
    }

    static CallbackPage alreadyFinished() {
        return new CallbackPage(200, "Login already finished",
                "oauth-agent already received an answer for this login. You can close this window.");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
