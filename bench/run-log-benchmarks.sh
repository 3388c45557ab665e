#!/usr/bin/env bash
# Issue 4's log throughput figures (docs/performance.md, "Log scrubbing: logback throughput"): builds the agent and the benchmarks,
# then runs the log throughput harness (no agent vs the agent scrubbing vs logback's %replace masking, to a
# logback FileAppender; three live JVMs side by side, batches in turn). About 6-7 minutes on 2 cores, and a few
# hundred MB of log files at a time in /tmp. Output goes to the terminal and to
# bench/target/log-throughput.txt. Run from anywhere; uses the java on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl bench -am package -DskipTests
uptime
java -cp bench/target/benchmarks.jar dev.oauthagent.bench.harness.LogThroughputHarness "$@" \
  | tee bench/target/log-throughput.txt
uptime
