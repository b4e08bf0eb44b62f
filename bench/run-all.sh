#!/usr/bin/env bash
# Runs every benchmark, one after another (they share the machine, so never two at once), and prints the figures:
# each a ratio against a baseline measured in the same run on the same machine (docs/performance.md).
# Needs the infrastructure (deploy/bin/up --infra-only) and the built jars (./mvnw -B install -DskipTests); P9 runs
# against the suite deploy/bin/up started when its gateway answers, else starts its own like the others.
# Usage: bench/run-all.sh [FIGURE...]    e.g. bench/run-all.sh P2 P7; default all
#   P1 chronology-writes  P2+P8 gateway-tax  P3 event-latency  P4 outbox-drain  P5 auth-tax  P6 footprint  P7 drift-scan
#   P9 webhooks
set -uo pipefail
cd "$(dirname "$0")/.."
source deploy/lib/common.sh
out=${BENCH_OUT:-.local/bench}; mkdir -p "$out"; : >"$out/figures.txt"
export BENCH_OUT=$out
want=("$@"); [ ${#want[@]} -gt 0 ] || want=(P1 P2 P3 P4 P5 P6 P7 P9)
declare -A script=([P1]=chronology-writes [P2]=gateway-tax [P8]=gateway-tax [P3]=event-latency [P4]=outbox-drain
  [P5]=auth-tax [P6]=footprint [P7]=drift-scan [P9]=webhooks)
ran=" "
for f in "${want[@]}"; do
  s=${script[$f]:-}; [ -n "$s" ] || die "no figure $f"
  [[ "$ran" == *" $s "* ]] && continue
  ran="$ran$s "
  step "$f: bench/$s/run.sh ($(date -u +%H:%M:%S) UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  bash "bench/$s/run.sh" || say "bench/$s/run.sh failed (exit $?)"
done
step "figures ($(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg))"
sed 's/^FIGURE //' "$out/figures.txt"
