#!/usr/bin/env bash
# Drift scan benchmark: escalation-service scans a projection of CHILDREN children with FACTS_PER_CHILD facts each
# (default 100,000 and 20 = 2,000,000) in its own database, once, and prints the scan's time, the peak RSS of the
# service and, as the baseline from the same run, one SQL aggregate over the same facts.
# Needs the infrastructure (deploy/bin/up --infra-only) and a built escalation-service (./mvnw package).
# Usage: bench/drift-scan/run.sh [CHILDREN] [FACTS_PER_CHILD]
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/lib/common.sh
source deploy/lib/postgres.sh
nx_pick_jdk
children=${1:-100000}; per_child=${2:-20}
db=nx_escalation_bench; port=18082; jar=escalation-service/target/quarkus-app/quarkus-run.jar; log=$NX_LOGS/drift-bench.log
[ -f "$jar" ] || die "build first: ./mvnw -pl escalation-service package -DskipTests"

psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER nx_escalation"
service() {  # the service on the bench database; test topics with a fresh group bring the partnerships' settings
  java -Xmx512m -XX:+UseSerialGC -Dquarkus.http.port=$port -Dquarkus.datasource.jdbc.url=jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/$db \
    -Dnx.topic-prefix=test. -Dnx.consumer-group=drift-bench-$$ -Dnx.drift.scan.cron="$1" -jar "$jar" >"$log" 2>&1 &
  echo $!
}
ready() { curl -sf -o /dev/null "http://$NX_HOST:$port/q/health/ready"; }

say "migrating the bench database (scan off)"
pid=$(service off); until ready; do sleep 1; done; kill "$pid"; wait "$pid" 2>/dev/null || true
say "loading $children children x $per_child facts"
SECONDS=0
psql -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" -v children="$children" -v per_child="$per_child" \
  -f bench/drift-scan/load-projection.sql "$db" | tail -n1
say "  loaded in ${SECONDS}s"

say "baseline: one SQL aggregate over the same facts"
psql -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" "$db" -c '\timing on' \
  -c "select count(*) filter (where kind = 'CONCERN'), count(distinct child_ref) from case_fact" | sed 's/^/  /'

say "scan: the service runs its daily scan at the next 20-second mark"
pid=$(service "0/20 * * * * ?"); peak=0
until grep -q "Drift scan on .* evaluated in" "$log"; do
  kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log"; die "the service stopped"; }
  rss=$(ps -o rss= -p "$pid" | tr -d ' '); [ "${rss:-0}" -gt "$peak" ] && peak=$rss
  sleep 1
done
grep -o "Drift scan on .* evaluated in [0-9]* ms" "$log" | head -n1 | sed 's/^/  /'
say "  peak RSS of the service: $((peak / 1024)) MB (heap capped at -Xmx512m)"
psql -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" "$db" \
  -c "select '  open alerts by rule: ' || string_agg(rule || '=' || n, ' ') from (select rule, count(*) n from drift_alert where status <> 'CLEARED' group by rule order by rule) r"
kill "$pid"; wait "$pid" 2>/dev/null || true
