#!/usr/bin/env bash
# Issue 4's log throughput figures (docs/performance.md, "Log scrubbing"): builds the agent and the benchmarks,
# then runs the log throughput harness (no agent vs the agent scrubbing vs logback's %replace masking, to a
# logback FileAppender). About 5 minutes on 2 cores. Output goes to the terminal and to
# bench/target/log-throughput.txt. Run from anywhere; uses the java on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl bench -am package -DskipTests
uptime
java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.LogThroughputHarness "$@" \
  | tee bench/target/log-throughput.txt
uptime
