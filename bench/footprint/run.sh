#!/usr/bin/env bash
# P6, footprint: starts each service alone, then the suite (all four at once, as deploy/bin/up does), and prints
# each service's time from its start to /q/health/ready (alone and together), the suite's warm-up time (first start
# to last ready) and each process's RSS after 1,000 requests (hscp-health reads at 100/s: editions/current direct to the toolkit and through the gateway,
# /partnerships on assessment-service, /escalation-procedures on escalation-service). Baseline in the same run: a bare
# Quarkus REST app (bare-app/, built here on first use) started the same way, time to ready and RSS after 1,000
# GET /hello. Targets: ready <= 3 s, RSS <= 300 MB, suite up <= 60 s.
# Usage: bench/footprint/run.sh
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
bare=bench/footprint/bare-app/target/quarkus-app/quarkus-run.jar
if [ ! -f "$bare" ]; then
  say "building the bare app (bench/footprint/bare-app)"
  ./mvnw -B -q -f bench/footprint/bare-app/pom.xml package -DskipTests
fi
thousand() { loadgen rate label="$1" url="$2" ${3:+"header=Authorization: Bearer $3"} rate=100 duration=10 warmup=0 >/dev/null; }

step "baseline: the bare app"
bare_port=$(free_port)
java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port="$bare_port" -jar "$bare" >"$BENCH_OUT/bare-app.log" 2>&1 &
bare_pid=$!; bare_t=$(date +%s%N); bench_pids+=("$bare_pid")
bare_ready=$(wait_ready "$bare_port" "$bare_pid" "$bare_t")
thousand bare "http://$NX_HOST:$bare_port/hello"
bare_rss=$(rss_mb "$bare_pid")
say "  ready in ${bare_ready}s, RSS after 1,000 requests ${bare_rss} MB"
kill "$bare_pid"

step "each service started alone (the same way as the bare app), time to ready"
bench_topics footprint >/dev/null
declare -A alone
for m in toolkit-content-service:toolkit assessment-service:assessment escalation-service:escalation gateway:gateway; do
  module=${m%%:*}; name=${m##*:}; port=$(free_port)
  start_service "$name-alone" "$module" "$port" "$(fresh_db "$name" footprint)"
  alone[$name]=$(wait_ready "$port" "$started_pid" "$started_ns")
  say "  $name: ready in ${alone[$name]}s"
  kill "$started_pid"; wait "$started_pid" 2>/dev/null || true
done

step "the suite: four services started together (time to ready of each, then RSS after 1,000 requests)"
start_suite
tok=$(token hscp-health)
published_edition "$TK_PORT" "$tok"
thousand toolkit "http://$NX_HOST:$TK_PORT/api/v1/toolkits/HIOW/editions/current" "$tok"
thousand assessment "http://$NX_HOST:$AS_PORT/api/v1/partnerships" "$tok"
thousand escalation "http://$NX_HOST:$ES_PORT/api/v1/escalation-procedures" "$tok"
thousand gateway "http://$NX_HOST:$GW_PORT/api/v1/toolkits/HIOW/editions/current" "$tok"
for svc in toolkit:$TK_PID:$TK_READY assessment:$AS_PID:$AS_READY escalation:$ES_PID:$ES_READY gateway:$GW_PID:$GW_READY; do
  IFS=: read -r name pid ready <<<"$svc"
  rss=$(rss_mb "$pid")
  figure "P6 $name: ready in ${alone[$name]}s alone, ${ready}s with the others (bare app ${bare_ready}s; target <= 3 s)," \
    "RSS after 1,000 requests ${rss} MB" \
    "(bare app ${bare_rss} MB, $(ratio "$rss" "$bare_rss"); target <= 300 MB)"
done
figure "P6 suite warm-up: four services started together, all ready in ${SUITE_UP_SECONDS}s (target <= 60 s)"
