#!/usr/bin/env bash
# P1, chronology writes: starts the suite and POSTs chronology entries through the gateway as hscp-health (token,
# audit and outbox on every write) with CLIENTS concurrent clients (closed loop) for DURATION seconds; then, as the
# baseline in the same run, pgbench runs the same INSERTs (entry + audit + outbox rows, one transaction,
# same-inserts.sql) with CLIENTS clients on the same database. Target: >= 50% of pgbench's transactions/s.
# Usage: bench/chronology-writes/run.sh     (env: CLIENTS=8, DURATION=20, WARMUP=60)
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
clients=${CLIENTS:-8}; d=${DURATION:-20}; w=$WARMUP
PGBENCH=${PGBENCH:-/usr/lib/postgresql/15/bin/pgbench}
start_suite
tok=$(token hscp-health)
list=$(bench_children 8 hscp-health)
say "children: $list"

step "P1 POST chronology through the gateway, $clients clients"
cpu_phase_start
post=$(loadgen max label=chronology-post method=POST url="http://$NX_HOST:$GW_PORT/api/v1/children/{child}/chronology" \
  "var.child=$list" "header=Authorization: Bearer $tok" "header=Content-Type: application/json" \
  "header=X-Practitioner-Id: bench-1" expect=201 concurrency="$clients" duration="$d" warmup="$w" \
  'body={"type": "VISIT", "occurredOn": "2025-10-14", "summary": "Home visit: kitchen without food, baby unsettled"}')
cpu_phase_report $((w + d))
writes=$(result achieved "$post")

step "baseline: pgbench, the same INSERTs in one transaction, $clients clients"
cpu_phase_start
out=$("$PGBENCH" -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" -n -M prepared -c "$clients" -j 2 -T "$d" \
  -D "children={$list}" -f bench/chronology-writes/same-inserts.sql "nx_assessment_${NX_BENCH_ID}_suite" 2>&1)
cpu_phase_report "$d"
printf '%s\n' "$out" | grep -E "latency average|^tps" | sed 's/^/  /'
tps=$(printf '%s\n' "$out" | awk '/^tps/ { print $3 }')
figure "P1 chronology writes through the gateway ${writes}/s vs pgbench ${tps} tps = $(ratio "$writes" "$tps") (target >= 50%)"
