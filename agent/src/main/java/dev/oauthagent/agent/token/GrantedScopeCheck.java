package dev.oauthagent.agent.token;

import dev.oauthagent.agent.config.ClientConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the granted {@code scope} (RFC 6749 §5.1, §3.3) and warns when it lacks some requested scopes. A
 * narrower grant is legal, so it is not an error, but it explains later 403s from the API. The warning is
 * repeated only when the set of missing scopes changes, so a steady state logs once.
 */
final class GrantedScopeCheck {
    private static final Logger LOG = LoggerFactory.getLogger(GrantedScopeCheck.class);

    private final List<String> requested;
    private final ClientMessages messages;
    private final ServerTextSanitizer sanitizer;
    private final AtomicReference<Set<String>> lastWarned = new AtomicReference<>(Collections.<String>emptySet());

    GrantedScopeCheck(ClientConfig client, ClientMessages messages, ServerTextSanitizer sanitizer) {
        this.requested = client.scopes();
        this.messages = messages;
        this.sanitizer = sanitizer;
    }

    /** The granted scopes, or null when the response had none (then it equals the requested scope). */
    Set<String> grantedScopes(String scopeField) {
        if (scopeField == null) {
            return null;
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String s : scopeField.split(" ")) {
            if (!s.isEmpty()) {
                granted.add(s);
            }
        }
        warnIfNarrower(granted, scopeField);
        return granted;
    }

    private void warnIfNarrower(Set<String> granted, String scopeField) {
        Set<String> missing = new LinkedHashSet<>(requested);
        missing.removeAll(granted);
        Set<String> previous = lastWarned.getAndSet(missing);
        if (missing.isEmpty() || missing.equals(previous)) {
            return;
        }
        List<String> shown = new ArrayList<>(missing);
        LOG.warn(messages.log(messages.endpoint() + " granted scope '" + sanitizer.sanitize(scopeField)
                + "' without the requested " + sanitizer.sanitize(String.join(" ", shown))
                + "; API calls that need them may be refused (403). Check the scopes this client may have on"
                + " the authorization server, or " + messages.key("scopes") + "."));
    }
}
