#!/usr/bin/env bash
# Issue 10: several replicas (system-tests/src/test/.../systemtests/faults/TwoInstancesIT). Starts two instances each of the
# assessment service, the escalation service and the gateway from their built jars, each pair on one database and in
# one consumer group, with the same topics, and a toolkit service for their toolkit events; sends a steady load of
# chronology writes to the two assessment instances in turn (each retry to the other), kills one instance of each
# with kill -9 KILL_AT seconds into the load (of the services, the one caught holding its relay lock) and restarts
# it DOWN seconds later. Then reconciles the databases
# and the topics and prints: writes acknowledged, stored, lost, stored twice; per producer the outbox rows, records on
# the topic, copies, missing, out of order per key; per consumer group of two the events applied, not applied, twice,
# and the copies delivered and ignored; which replica held each relay lock before, during and after the kill. The
# report is also in system-tests/target/replicas-report.txt.
#   deploy/reliability/two-instances.sh [RATE] [SECONDS] [KILL_AT] [DOWN] [CHILDREN]
#     default 100 writes/s for 300 s, kill -9 at 60 s, restarted 10 s later, 499 children (not a multiple of 2 or 3);
#     CI runs 40/s, 50 s, 15 s, 5 s, 25 children in ./mvnw verify. The consumers get 10 minutes to catch up.
# Needs PostgreSQL, Kafka and Keycloak running (deploy/bin/up --infra-only; none of them is stopped). NX_SKIP_BUILD=1
# uses the jars already built. NX_E2E_ID names the run's databases (nx_<service>_<id>, emptied) and topics (default e2e).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
nx_pick_jdk
cd "$NX_ROOT"
RATE="${1:-100}"
SECONDS_OF_LOAD="${2:-300}"
KILL_AT="${3:-60}"
DOWN="${4:-10}"
CHILDREN="${5:-499}"
if [ "${NX_SKIP_BUILD:-0}" != 1 ]; then
  step "Build: ./mvnw install -DskipTests (the jars the test starts)"
  ./mvnw -B -q install -DskipTests
fi
step "TwoInstancesIT: $RATE writes/s for $SECONDS_OF_LOAD s about $CHILDREN children, kill -9 at $KILL_AT s, restart $DOWN s later"
rm -f system-tests/target/replicas-report.txt
start=$(date +%s)
status=0
./mvnw -B failsafe:integration-test failsafe:verify -pl system-tests -Dit.test=TwoInstancesIT -Dnx.replicas.rate="$RATE" \
  -Dnx.replicas.seconds="$SECONDS_OF_LOAD" -Dnx.replicas.kill-at="$KILL_AT" -Dnx.replicas.down="$DOWN" \
  -Dnx.replicas.children="$CHILDREN" -Dnx.replicas.catch-up=600 -Dnx.replicas.keycloak="$NX_KEYCLOAK_URL" > "$NX_LOGS/two-instances.log" 2>&1 || status=$?
cat system-tests/target/replicas-report.txt 2>/dev/null || true
grep -E 'Tests run:.*TwoInstancesIT|FAIL' "$NX_LOGS/two-instances.log" | head -5 || true
say "two-instances: $(date -u +%FT%TZ), whole run (start-up, load, reconciliation) $(( $(date +%s) - start )) s; log $NX_LOGS/two-instances.log"
exit $status
