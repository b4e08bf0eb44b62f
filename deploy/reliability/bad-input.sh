#!/usr/bin/env bash
# Issue 8: generated bad requests for every operation of the combined OpenAPI document, through the gateway into the
# three real services (system-tests/src/test/.../systemtests/BadInputTest). Prints requests by kind, statuses, 5xx,
# non-problem+json answers, what was accepted, whether any table or topic changed, and the duration; the report is
# also in system-tests/target/bad-input-report.txt.
#   deploy/reliability/bad-input.sh [COUNT] [SEED]     (default 10000 requests, a random seed, printed)
# Needs PostgreSQL, Kafka and Keycloak running (deploy/bin/up --infra-only) and the three services built
# (./mvnw install -DskipTests; the run builds the gateway). NX_E2E_ID names the run's databases and topics (default e2e).
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${1:-10000}"
SEED_ARG=()
if [ -n "${2:-}" ]; then SEED_ARG=("-Dnx.badinput.seed=$2"); fi
source deploy/lib/common.sh
nx_pick_jdk
start=$(date +%s)
./mvnw -B -q verify -pl gateway,system-tests -Dtest='BadInputTest#generatedBadRequestsAreRefusedAsProblemsAndChangeNothing' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dnx.badinput.count="$COUNT" "${SEED_ARG[@]}" || status=$?
echo "bad-input: $COUNT requests, whole run (build, start-up, requests) $(( $(date +%s) - start )) s"
cat system-tests/target/bad-input-report.txt 2>/dev/null | head -80 || true
exit "${status:-0}"
