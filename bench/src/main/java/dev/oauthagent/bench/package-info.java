/** JMH benchmarks; run as described in docs/performance.md. */
package dev.oauthagent.bench;
