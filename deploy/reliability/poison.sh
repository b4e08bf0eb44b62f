#!/usr/bin/env bash
# Issue 8: poison on every topic the suite consumes, all consumer groups at once
# (system-tests/src/test/.../systemtests/consumers/PoisonTest). Starts the three services and the gateway from their built
# jars, sends to each topic malformed JSON, JSON of the wrong schema, an unknown CloudEvent type, a record
# without CloudEvent headers and one whose ce_id is not a UUID, each followed by a valid event made through the
# gateway, and prints per topic x consumer: poison sent, on <topic>.dlq with its reason, the valid event after it
# applied. The table is also in system-tests/target/poison-report.txt. The same test runs in CI (./mvnw verify).
#   deploy/reliability/poison.sh
# Needs PostgreSQL, Kafka and Keycloak running (deploy/bin/up --infra-only). NX_SKIP_BUILD=1 uses the jars already
# built. NX_E2E_ID names the run's databases and topics (default e2e).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
nx_pick_jdk
cd "$NX_ROOT"
if [ "${NX_SKIP_BUILD:-0}" != 1 ]; then
  step "Build: ./mvnw install -DskipTests (the four services' jars the test starts)"
  ./mvnw -B -q install -DskipTests
fi
step "PoisonTest"
rm -f system-tests/target/poison-report.txt
start=$(date +%s)
status=0
./mvnw -B test -pl system-tests -Dtest=PoisonTest > "$NX_LOGS/poison.log" 2>&1 || status=$?
cat system-tests/target/poison-report.txt 2>/dev/null || true
grep -E 'Tests run:.*PoisonTest' "$NX_LOGS/poison.log" || true
say "poison: $(date -u +%FT%TZ), whole run (start-up included) $(( $(date +%s) - start )) s; log $NX_LOGS/poison.log"
exit $status
