package dev.oauthagent.agent.instrument;

/**
 * One HTTP client library the agent knows by name: whether its requests get tokens, how to find it on a class
 * path ({@code check --classpath}) and how to recognise its code on a thread's stack (a connection it opens).
 * Immutable; the known ones are listed in {@link ClientLibraries}.
 */
public final class ClientLibrary {
    private final String name;
    private final String markerClass;
    private final boolean covered;
    private final String[] packages;
    private final String fix;

    ClientLibrary(String name, String markerClass, boolean covered, String... packages) {
        this(name, markerClass, covered, null, packages);
    }

    private ClientLibrary(String name, String markerClass, boolean covered, String fix, String[] packages) {
        this.name = name;
        this.markerClass = markerClass;
        this.covered = covered;
        this.fix = fix;
        this.packages = packages.clone();
    }

    /** The same library with what a user does about its requests getting no token, said when it is reported. */
    ClientLibrary fixedBy(String fix) {
        return new ClientLibrary(name, markerClass, covered, fix, packages);
    }

    /** e.g. "OkHttp"; unique among the known libraries. */
    public String name() {
        return name;
    }

    /** A class every version of the library has, e.g. {@code okhttp3.OkHttpClient}; null for the JDK's own. */
    public String markerClass() {
        return markerClass;
    }

    /** Part of the JDK: on every class path. */
    public boolean isBuiltIn() {
        return markerClass == null;
    }

    /** Whether the agent instruments it: its requests to configured hosts get tokens. */
    public boolean isCovered() {
        return covered;
    }

    /** What a user does about its requests getting no token; null when only the general advice applies. */
    public String fix() {
        return fix;
    }

    /**
     * The length of the longest of its package prefixes that {@code className} starts with, or 0: the most
     * specific library wins where packages nest (Apache's async client inside {@code org.apache.http.}).
     */
    int prefixMatched(String className) {
        int longest = 0;
        for (String prefix : packages) {
            if (prefix.length() > longest && className.startsWith(prefix)) {
                longest = prefix.length();
            }
        }
        return longest;
    }

    @Override
    public String toString() {
        return name;
    }
}
