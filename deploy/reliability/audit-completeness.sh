#!/usr/bin/env bash
# Issues 8 and 18: audit completeness. A counted mixture of child-data reads and writes through the gateway into the
# three real services (every child-data operation, refusals on the child's data included), each call with its own
# X-Request-Id; then the rows of the one audit trail (the gateway's audit_trail, fed by every service's audit.recorded
# events) for those ids, once every row of the services' own audit_entry has reached it, compared call by call and per
# operation (system-tests/src/test/.../systemtests/AuditCompletenessTest); last, each partnership's DPO verifies its
# hash chain. Target: rows = expected, none missing (services' rows = trail rows), none twice, every chain intact.
# Prints the table; also in system-tests/target/audit-completeness.txt.
#   deploy/reliability/audit-completeness.sh [ROUNDS]     (default 20 rounds of the mixture; CI runs 1)
# Needs PostgreSQL, Kafka and Keycloak running (deploy/bin/up --infra-only) and the three services built
# (./mvnw install -DskipTests; the run builds the gateway). NX_E2E_ID names the run's databases and topics (default e2e).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-20}"
source deploy/lib/common.sh
nx_pick_jdk
start=$(date +%s)
./mvnw -B -q verify -pl gateway,system-tests -Dtest='AuditCompletenessTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dnx.audit.rounds="$ROUNDS" || status=$?
echo "audit-completeness: $ROUNDS rounds, whole run (build, start-up, calls) $(( $(date +%s) - start )) s"
cat system-tests/target/audit-completeness.txt 2>/dev/null || true
exit "${status:-0}"
