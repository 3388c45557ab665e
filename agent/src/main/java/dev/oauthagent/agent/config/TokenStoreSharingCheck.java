package dev.oauthagent.agent.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Two clients must not share a token store file: it holds one client's refresh token (the store refuses
 * another client's file), so the second client would fail on every read and each login would lock the other
 * client out. Paths are compared as written, normalized ({@code /a/./b} is {@code /a/b}); links are not
 * followed, as the files may not exist yet.
 */
final class TokenStoreSharingCheck {
    private TokenStoreSharingCheck() {
    }

    static void check(List<ClientConfigReader.Result> clients, ProblemList problems) {
        for (int i = 0; i < clients.size(); i++) {
            for (int j = i + 1; j < clients.size(); j++) {
                ClientConfig a = clients.get(i).config;
                ClientConfig b = clients.get(j).config;
                if (a != null && b != null && a.tokenStore() != null && b.tokenStore() != null
                        && normalized(a.tokenStore().path()).equals(normalized(b.tokenStore().path()))) {
                    // Either client may hold the mistake, so neither runs.
                    problems.addForClients(KnownKeys.TOKEN_STORE.fullKey(b.name()), "clients '" + a.name()
                            + "' and '" + b.name() + "' both use token store " + a.tokenStore().path() + "; give "
                            + "each client its own file", a.name(), b.name());
                }
            }
        }
    }

    private static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
