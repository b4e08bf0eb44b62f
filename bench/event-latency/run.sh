#!/usr/bin/env bash
# P3, event latency: starts the suite, opens one SSE client (hscp-dashboard) on the gateway's /api/v1/events/stream
# and POSTs chronology entries through the gateway at RATE/s for DURATION s (bench/event-stream/EventStreamBench.java);
# latency from the POST's start (so an upper bound of commit -> event: it includes the POST's own path) to the
# chronology.entry-added line's arrival. Baseline in the same run: a Kafka producer -> consumer round trip on the same
# broker at the same rate (acks=all). Target: p99 <= 100 ms.
# Usage: bench/event-latency/run.sh     (env: RATE=100, DURATION=20, WARMUP=60)
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
rate=${RATE:-100}; d=${DURATION:-20}
start_suite
run_stream() {
  GATEWAY="http://$NX_HOST:$GW_PORT" KEYCLOAK="$NX_KEYCLOAK_URL" BOOTSTRAP="$NX_KAFKA_BOOTSTRAP" PREFIX="$TOPIC_PREFIX" \
    CLIENTS=1 RATES="$rate" DURATION="$d" PHASES=rates java -Xmx256m -cp "$KAFKA_LIBS/*" \
    bench/event-stream/EventStreamBench.java "$@" 2>&1 | grep -v SLF4J | tee -a "$BENCH_OUT/results.txt"
}
step "warm-up: POST chronology at $rate/s for ${WARMUP}s through the same path, not recorded"
tok=$(token hscp-health)
loadgen rate label=p3-warm-up method=POST url="http://$NX_HOST:$GW_PORT/api/v1/children/$(bench_children 1 hscp-health)/chronology" \
  "header=Authorization: Bearer $tok" "header=Content-Type: application/json" "header=X-Practitioner-Id: bench-1" \
  expect=201 rate="$rate" duration=1 warmup="$WARMUP" \
  'body={"type": "VISIT", "occurredOn": "2025-10-14", "summary": "Home visit: kitchen without food, baby unsettled"}' >/dev/null
# the warm-up's events still in the pipeline would count against the first seconds measured: wait until the
# gateway's journal holds every entry-added event the assessment service has written
journalled() { psql_admin -d "nx_gateway_${NX_BENCH_ID}_suite" -c "select count(*) from stream_journal where type = 'chronology.entry-added'"; }
written() { psql_admin -d "nx_assessment_${NX_BENCH_ID}_suite" -c "select count(*) from outbox_event where type = 'chronology.entry-added'"; }
drained() { [ "$(journalled)" = "$(written)" ]; }
wait_until "the journal to catch up" 120 drained
step "P3 POST chronology at $rate/s -> SSE client at the gateway"
cpu_phase_start
stream=$(run_stream run); printf '%s\n' "$stream"
cpu_phase_report "$d"
p99=$(printf '%s\n' "$stream" | awk -v r="$rate/s" '$1 == "rate" && $2 == r { print $8 }')
step "baseline: Kafka producer -> consumer round trip at $rate/s on the same broker"
trip=$(run_stream roundtrip); printf '%s\n' "$trip"
base=$(printf '%s\n' "$trip" | tr ' ' '\n' | awk -F= '$1 == "p99" { sub(/ms$/, "", $2); print $2 }')
figure "P3 event latency at ${rate}/s: p99 ${p99} ms POST start -> SSE (target <= 100 ms); Kafka round trip p99 ${base} ms" \
  "(the stream adds $(awk -v a="$p99" -v b="$base" 'BEGIN { printf "%.1f", a - b }') ms)"
