package dev.oauthagent.bench.harness;

/**
 * How the children of one round warmed up: operations each, whether their JIT went quiet before the cap, and the
 * process CPU each spent meanwhile (index as the variants), where an agent's start-up and JIT work shows.
 */
record WarmUp(int count, boolean steady, double[] cpuSeconds) {
}
