package dev.oauthagent.agent.token.code;

import java.net.URI;

/** Opens the authorization URL in the person's browser, if there is one. Tests inject their own. */
public interface BrowserLauncher {

    /**
     * Tries to open the URL; returns at once or within a few seconds, never throws.
     *
     * @return whether a browser was asked to open it (not whether the person sees it)
     */
    boolean open(URI url);
}
