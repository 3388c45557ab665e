#!/usr/bin/env bash
# Issue 3's figures (docs/performance.md: "Start-up", "HTTP throughput", "Per request"): builds the agent and the benchmarks, then runs the
# throughput harness, the start-up harness and the per-request JMH comparison with Spring Security, one after
# the other (never in parallel: they share the machine's cores). About 15-20 minutes on a quiet 2-core machine.
# Output goes to the terminal and to bench/target/injection-*.txt. Run from anywhere; uses the java on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl bench -am package -DskipTests
uptime
java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.ThroughputHarness \
  | tee bench/target/injection-throughput.txt
java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.StartupHarness \
  | tee bench/target/injection-startup.txt
java -jar bench/target/benchmarks.jar InjectionDecisionBenchmark -f 3 -wi 5 -w 1s -i 10 -r 1s -prof gc \
  | tee bench/target/injection-decision.txt
uptime
