#!/usr/bin/env bash
# P2, gateway tax, and P8, edition revalidation. Starts the suite (bench/lib/bench.sh start_suite) and reads
# GET /api/v1/toolkits/HIOW/editions/current as hscp-health:
#   P2: saturated throughput (CONCURRENCY clients, closed loop) direct to toolkit-content-service and through the
#       gateway; then both at a fixed rate of half the direct maximum (open model, HdrHistogram, latency from each
#       request's due time) and the p99 difference. Targets: <= +2 ms p99, >= 75% of the direct throughput.
#   P8: the same read with If-None-Match (304) through the gateway, saturated, against the gateway's own
#       /q/health/live at the same concurrency. Target: >= 70%.
# Usage: bench/gateway-tax/run.sh     (env: CONCURRENCY=16, DURATION=15, WARMUP=60)
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
c=${CONCURRENCY:-16}; d=${DURATION:-15}; w=$WARMUP
start_suite
tok=$(token hscp-health)
published_edition "$TK_PORT" "$tok"
path=/api/v1/toolkits/HIOW/editions/current
direct=http://$NX_HOST:$TK_PORT$path; via=http://$NX_HOST:$GW_PORT$path
# a fresh token for every phase: with the warm-ups the run outlasts the realm's 5-minute tokens
fresh_auth() { tok=$(token hscp-health); auth="header=Authorization: Bearer $tok"; }
fresh_auth
say "reading $path: $(curl -s -o /dev/null -w '%{size_download} bytes' -H "Authorization: Bearer $tok" "$via")"

step "P2 saturated throughput, $c clients"
fresh_auth; d_max=$(loadgen max label=direct-max url="$direct" "$auth" concurrency="$c" duration="$d" warmup="$w")
fresh_auth; g_max=$(loadgen max label=gateway-max url="$via" "$auth" concurrency="$c" duration="$d" warmup="$w")
dm=$(result achieved "$d_max"); gm=$(result achieved "$g_max")
half=$(awk -v m="$dm" 'BEGIN { printf "%d", m / 2 }')
step "P2 latency at half the direct maximum ($half/s), open model"
fresh_auth; d_rate=$(loadgen rate label=direct-half url="$direct" "$auth" rate="$half" duration="$d" warmup="$w")
fresh_auth; g_rate=$(loadgen rate label=gateway-half url="$via" "$auth" rate="$half" duration="$d" warmup="$w")
dp=$(result p99 "$d_rate"); gp=$(result p99 "$g_rate")
tax=$(awk -v g="$gp" -v d="$dp" 'BEGIN { printf "%+.2f", g - d }')
figure "P2 gateway tax: p99 at ${half}/s gateway ${gp} ms vs direct ${dp} ms = ${tax} ms (target <= +2 ms);" \
  "throughput gateway ${gm}/s vs direct ${dm}/s = $(ratio "$gm" "$dm") (target >= 75%)"

step "P8 revalidation (If-None-Match, 304) through the gateway vs the gateway's health endpoint, $c clients"
etag=$(curl -sf -D - -o /dev/null -H "Authorization: Bearer $tok" "$via" | awk -F': ' 'tolower($1) == "etag" { sub(/\r$/, "", $2); print $2 }')
[ -n "$etag" ] || die "no ETag on $path"
fresh_auth; r304=$(loadgen max label=etag-304 url="$via" "$auth" "header=If-None-Match: $etag" expect=304 concurrency="$c" duration="$d" warmup="$w")
health=$(loadgen max label=gateway-health url="http://$NX_HOST:$GW_PORT/q/health/live" concurrency="$c" duration="$d" warmup="$w")
e=$(result achieved "$r304"); h=$(result achieved "$health")
figure "P8 editions/current 304 through the gateway ${e}/s vs gateway health ${h}/s = $(ratio "$e" "$h") (target >= 70%)"
