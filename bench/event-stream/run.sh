#!/usr/bin/env bash
# Event stream benchmark: 50 SSE clients (hscp-dashboard) on the gateway's /api/v1/events/stream while chronology
# entries are POSTed through the gateway at fixed rates; prints events/s delivered (total and per client) and the
# latency from the POST's start to the event's arrival at each client (p50/p99/max), then the same with one extra
# client that never reads, then a burst produced straight to Kafka (the stream's own ceiling, without the POST path).
# Runs its own gateway and assessment-service (built jars) on ports 18080/18081, databases nx_*_$NX_BENCH_ID and
# topics "$NX_BENCH_ID.*" (recreated), against the running Kafka, Keycloak and PostgreSQL (deploy/bin/up --infra-only).
# Usage: bench/event-stream/run.sh   (env: NX_BENCH_ID, CLIENTS=50, RATES=25,50,100, DURATION=20, SLOW_RATE, BURST=10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/common.sh
source deploy/lib/postgres.sh
nx_pick_jdk
id=${NX_BENCH_ID:-bench_stream}
gw_port=${NX_BENCH_GATEWAY_PORT:-18080}; as_port=${NX_BENCH_ASSESSMENT_PORT:-18081}
kafka_libs="$NX_CACHE/kafka-$NX_KAFKA_VERSION/libs"
[ -d "$kafka_libs" ] || die "Kafka's jars are missing in $kafka_libs (deploy/bin/up --infra-only fetches them)"
for m in gateway assessment-service; do
  [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || die "build first: ./mvnw install -DskipTests"
done
for p in $gw_port $as_port; do port_open "$NX_HOST" "$p" && die "port $p is taken"; done

for db in assessment gateway; do
  psql_admin -tAc "select 1 from pg_database where datname = 'nx_${db}_$id'" | grep -q 1 \
    || psql_admin -c "CREATE DATABASE nx_${db}_$id OWNER nx_$db" >/dev/null
done
# assessment-service's identity key store, a database of its own
psql_admin -tAc "select 1 from pg_database where datname = 'nx_identity_keys_$id'" | grep -q 1 \
  || psql_admin -c "CREATE DATABASE nx_identity_keys_$id OWNER nx_assessment" >/dev/null
java -cp "$kafka_libs/*" bench/event-stream/EventStreamBench.java topics "$NX_KAFKA_BOOTSTRAP" "$id." deploy/kafka/topics.txt 2>&1 | grep --line-buffered -v SLF4J

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
common=(-Xmx256m -XX:+UseSerialGC -Dquarkus.flyway.clean-disabled=false -Dquarkus.flyway.clean-at-start=true
  "-Dnx.topic-prefix=$id." -Dquarkus.log.level=WARN)
java "${common[@]}" -Dquarkus.http.port="$as_port" -Dnx.identity.allow-test-nhs-numbers=true \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/nx_assessment_$id" \
  -Dquarkus.datasource.identity-keys.jdbc.url="jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/nx_identity_keys_$id" \
  -Dquarkus.flyway.identity-keys.clean-disabled=false -Dquarkus.flyway.identity-keys.clean-at-start=true \
  -Dnx.consumer-group="assessment-$id" -jar assessment-service/target/quarkus-app/quarkus-run.jar \
  >"$NX_LOGS/bench-stream-assessment.log" 2>&1 &
pids+=($!)
java "${common[@]}" -Dquarkus.http.port="$gw_port" -Dnx.routes.services.assessment.url="http://$NX_HOST:$as_port" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/nx_gateway_$id" \
  -Dnx.routes.services.toolkit.url=http://127.0.0.1:1 -Dnx.routes.services.escalation.url=http://127.0.0.1:1 \
  -Dnx.consumer-group="gateway-$id" -Dquarkus.log.category.\"uk.org.neglectexchange\".level=INFO \
  `# this measures the stream, not the rate limit: one writer client posts up to 100/s, the default allowance` \
  -Dnx.limits.default.requests-per-second=10000 -Dnx.limits.default.burst=10000 \
  -jar gateway/target/quarkus-app/quarkus-run.jar >"$NX_LOGS/bench-stream-gateway.log" 2>&1 &
pids+=($!)
for p in $as_port $gw_port; do
  for _ in $(seq 120); do curl -sf -o /dev/null "http://$NX_HOST:$p/q/health/ready" && break; sleep 1; done
  curl -sf -o /dev/null "http://$NX_HOST:$p/q/health/ready" || die "port $p not ready; logs in $NX_LOGS/bench-stream-*.log"
done
say "gateway :$gw_port, assessment-service :$as_port, topics $id.*; $(nproc) CPUs shared with whatever else runs"

GATEWAY="http://$NX_HOST:$gw_port" KEYCLOAK="$NX_KEYCLOAK_URL" BOOTSTRAP="$NX_KAFKA_BOOTSTRAP" PREFIX="$id." \
  java -Xmx512m -cp "$kafka_libs/*" bench/event-stream/EventStreamBench.java run 2>&1 | grep --line-buffered -v SLF4J
say "gateway's own account of slow clients:"
grep "Event stream client" "$NX_LOGS/bench-stream-gateway.log" | sed 's/^/  /' || say "  (none disconnected)"
