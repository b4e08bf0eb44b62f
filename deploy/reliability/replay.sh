#!/usr/bin/env bash
# Issue 8: replay every topic from the beginning into fresh consumers and compare the projections' checksums
# (system-tests/src/test/.../systemtests/consumers/ReplayIT). Starts the three services and a gateway from their built jars,
# drives a mixed workload through the gateway (CHILDREN children: registrations, referrals and decisions,
# chronology, assessments, escalations raised, escalated and resolved, closures, transfers; new toolkit editions),
# waits until every consumer has applied every record, then starts a fresh assessment service, escalation service
# and gateway (new empty databases, new consumer groups, from the earliest offset) and compares, table by table,
# what they built from the topics with the originals. Prints the counts, the checksums and the durations; the report
# is also in system-tests/target/replay-report.txt.
#   deploy/reliability/replay.sh [CHILDREN]     (default 60; CI runs 6 inside ./mvnw verify)
# Needs PostgreSQL, Kafka and Keycloak running (deploy/bin/up --infra-only). NX_SKIP_BUILD=1 uses the jars already
# built. NX_E2E_ID names the run's databases and topics (default e2e).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
nx_pick_jdk
cd "$NX_ROOT"
CHILDREN="${1:-60}"
if [ "${NX_SKIP_BUILD:-0}" != 1 ]; then
  step "Build: ./mvnw install -DskipTests (the jars the test starts, the gateway's included)"
  ./mvnw -B -q install -DskipTests
fi
step "ReplayIT with $CHILDREN children"
rm -f system-tests/target/replay-report.txt
start=$(date +%s)
status=0
./mvnw -B failsafe:integration-test failsafe:verify -pl system-tests -Dit.test=ReplayIT -Dnx.replay.children="$CHILDREN" \
  > "$NX_LOGS/replay.log" 2>&1 || status=$?
cat system-tests/target/replay-report.txt 2>/dev/null || true
grep -E 'Tests run:.*ReplayIT|FAIL' "$NX_LOGS/replay.log" | head -5 || true
say "replay: $(date -u +%FT%TZ), whole run (start-up, workload, replay) $(( $(date +%s) - start )) s; log $NX_LOGS/replay.log"
exit $status
