/**
 * Side-by-side harnesses (issue 3: requests; issue 4: log lines): each starts child JVMs from
 * {@code dev.oauthagent.bench.apps} with and without {@code -javaagent} against a loopback server of its own,
 * and prints medians next to the counts that prove the agent did its work. Run by hand, never by the build; see docs/performance.md.
 */
package dev.oauthagent.bench.harness;
