#!/usr/bin/env bash
# P7, drift scan: escalation-service scans a projection of CHILDREN children with FACTS_PER_CHILD facts each
# (default 100,000 x 20 = 2,000,000) in its own database, once; prints the scan's time, the service's peak heap
# (after GC, from JFR) and peak RSS, and as the baseline from the same run one SQL aggregate over the same facts.
# Targets: scan <= 10 s, <= 512 MB. NX_BENCH_JFR=1 also records a CPU profile ($BENCH_OUT/drift-scan.jfr).
# Usage: bench/drift-scan/run.sh [CHILDREN] [FACTS_PER_CHILD]   (env SCAN_OPTS: more JVM options for the scanning
# service, e.g. SCAN_OPTS=-Dnx.drift.scan.parallel-pages=1)
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
children=${1:-100000}; per_child=${2:-20}
need_jars escalation-service
db=$(fresh_db escalation drift); port=$(free_port); log=$BENCH_OUT/drift-scan.log
bench_topics drift >/dev/null
jfr=$BENCH_OUT/drift-scan.jfr; rm -f "$jfr"
jfr_opts=(); [ "${NX_BENCH_JFR:-0}" = 1 ] && jfr_opts=("-XX:StartFlightRecording=filename=$jfr,settings=profile")

say "migrating $db (scan off)"
start_service drift-scan-migrate escalation-service "$port" "$db" -Dnx.drift.scan.cron=off
pid=$started_pid; wait_ready "$port" "$pid" >/dev/null; kill "$pid"; wait "$pid" 2>/dev/null || true
say "loading $children children x $per_child facts and the partnerships' published clocks"
SECONDS=0
psql -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" -v children="$children" -v per_child="$per_child" \
  -f bench/drift-scan/load-projection.sql "$db" | tail -n1 | sed 's/^/  children|facts: /'
say "  loaded in ${SECONDS}s"

say "baseline: one SQL aggregate over the same facts"
base_ms=$(psql -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" "$db" -c '\timing on' \
  -c "select count(*) filter (where kind = 'CONCERN'), count(distinct child_ref) from case_fact" | awk '/^Time:/ { print $2 }')
say "  ${base_ms} ms"

say "scan: the service runs its daily scan at the next 20-second mark (heap capped at -Xmx512m, as in production)"
port=$(free_port)
start_service drift-scan escalation-service "$port" "$db" -Xmx512m -Dnx.drift.scan.cron="0/20 * * * * ?" \
  -Dquarkus.log.category.\"uk.org.neglectexchange.escalation.drift\".level=INFO "${jfr_opts[@]}" \
  -XX:+UnlockDiagnosticVMOptions -Xlog:gc:file="$BENCH_OUT/drift-scan-gc.log" ${SCAN_OPTS:-}
pid=$started_pid; peak=0
wait_ready "$port" "$pid" >/dev/null
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu_before=$(cpu_ticks "$pid")
until grep -aq "Drift scan on .* evaluated in" "$log"; do
  kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log"; die "the service stopped"; }
  grep -aq "executing task for trigger.*drift-scan" "$log" && { grep -a -m1 -A3 ERROR "$log"; die "the scan failed"; }
  rss=$(rss_mb "$pid"); [ "${rss:-0}" -gt "$peak" ] && peak=$rss
  sleep 0.5
done
cpu_ms=$(( ($(cpu_ticks "$pid") - cpu_before) * 1000 / $(getconf CLK_TCK) ))
scan_ms=$(grep -ao "evaluated in [0-9]* ms" "$log" | head -n1 | awk '{ print $3 }')
heap_mb=$(grep -ao "Pause Full[^>]*->[0-9]*M\|Pause Young[^>]*->[0-9]*M" "$BENCH_OUT/drift-scan-gc.log" \
  | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -n1)
psql -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" "$db" \
  -c "select '  alerts raised by rule: ' || coalesce(string_agg(rule || '=' || n, ' '), 'none') from (select rule, count(*) n from drift_alert where status <> 'CLEARED' group by rule order by rule) r" \
  -c "select '  events in the outbox: ' || count(*) from outbox_event"
say "  scan ${scan_ms} ms (the service used ${cpu_ms} ms of CPU from ready to the scan's end); peak RSS ${peak} MB; heap after GC at most ${heap_mb:-?} MB"
figure "P7 drift scan ${children}x${per_child}: scan ${scan_ms} ms (target <= 10000), baseline SQL aggregate ${base_ms} ms" \
  "(x$(awk -v a="$scan_ms" -v b="$base_ms" 'BEGIN { printf "%.0f", a / b }') the baseline's time), service CPU ${cpu_ms} ms, peak RSS ${peak} MB, live heap <= ${heap_mb:-?} MB (target <= 512)"
