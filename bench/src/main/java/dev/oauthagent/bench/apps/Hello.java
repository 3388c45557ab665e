package dev.oauthagent.bench.apps;

/** The trivial application of the start-up comparison: whatever its process costs is JVM and agent start-up. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
