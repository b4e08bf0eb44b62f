#!/usr/bin/env bash
# Rate-limit benchmark: starts the built gateway on its own port (no services behind it) and sends, as one client,
# a burst of REQUESTS requests CONCURRENCY at a time to a path the gateway answers itself (404), then one request as a
# second client. Prints how many were let through and refused, the time the burst took, the Retry-After and
# RateLimit-* headers seen, and whether the second client was affected. Defaults: the gateway's own (100/s, burst 200).
# Needs the infrastructure (deploy/bin/up --infra-only) and a built gateway (./mvnw -pl gateway package -DskipTests).
# Usage: bench/rate-limit/run.sh [REQUESTS] [CONCURRENCY]     (NX_BENCH_GATEWAY_DB: database to use, default nx_gateway)
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/common.sh
nx_pick_jdk
requests=${1:-400}; concurrency=${2:-16}
port=18480; jar=gateway/target/quarkus-app/quarkus-run.jar; log=$NX_LOGS/rate-limit-bench.log
db=${NX_BENCH_GATEWAY_DB:-nx_gateway}
[ -f "$jar" ] || die "build first: ./mvnw -pl gateway package -DskipTests"
realm=$NX_KEYCLOAK_URL/realms/neglect-exchange
token() {
  curl -sf -d grant_type=client_credentials -d client_id="$1" -d client_secret="$1-secret" \
    "$realm/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# services on a closed port: only the gateway's own answers are measured; a fresh consumer group reads nothing old
java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port=$port \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/$db \
  -Dnx.routes.services.toolkit.url=http://127.0.0.1:1 -Dnx.routes.services.assessment.url=http://127.0.0.1:1 \
  -Dnx.routes.services.escalation.url=http://127.0.0.1:1 -Dnx.topic-prefix=test. -Dnx.consumer-group=rate-bench-$$ \
  -jar "$jar" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://$NX_HOST:$port/q/health/live"; do
  kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log"; die "the gateway stopped"; }
  sleep 1
done
first=$(token hscp-health); second=$(token wsscp-health)
url=http://$NX_HOST:$port/api/v1/no-such-thing

say "burst: $requests requests as hscp-health, $concurrency at a time"
transfers=(); for _ in $(seq "$requests"); do transfers+=(-o /dev/null "$url"); done
start=$(date +%s%N)
codes=$(curl -s --no-progress-meter --parallel --parallel-max "$concurrency" -H "Authorization: Bearer $first" \
  -w '%{http_code} %header{retry-after}\n' "${transfers[@]}")
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
say "  $(grep -c '^404' <<<"$codes") let through (404 from the gateway), $(grep -c '^429' <<<"$codes") refused (429) in ${took_ms} ms ($(( requests * 1000 / (took_ms > 0 ? took_ms : 1) )) requests/s)"
say "  the bucket allows at most burst + rate x time = ${NX_LIMITS_BURST:-200} + ${NX_LIMITS_REQUESTS_PER_SECOND:-100}/s x ${took_ms} ms = $(( ${NX_LIMITS_BURST:-200} + ${NX_LIMITS_REQUESTS_PER_SECOND:-100} * took_ms / 1000 ))"
say "  Retry-After on the refusals (seconds): $(grep '^429' <<<"$codes" | cut -d' ' -f2 | sort -n | uniq -c | tr -s ' ' | tr '\n' ',' | sed 's/,$//')"
say "  next request: $(curl -s -o /dev/null -D - -H "Authorization: Bearer $first" "$url" \
  | grep -iE '^(HTTP|retry-after|ratelimit-)' | tr -d '\r' | tr '\n' ' ')"
say "another client (wsscp-health) right after: $(curl -s -o /dev/null -D - -H "Authorization: Bearer $second" "$url" \
  | grep -iE '^(HTTP|ratelimit-)' | tr -d '\r' | tr '\n' ' ')"
