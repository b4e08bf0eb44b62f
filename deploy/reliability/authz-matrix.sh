#!/usr/bin/env bash
# Authorization matrix (issue 8): runs the system tests' AuthorizationMatrixTest alone. It starts the four services
# built in the reactor as processes (SuiteProcesses), calls every operation of the combined OpenAPI document through the
# gateway as every caller of the realm on each partnership's objects, and sends 7 kinds of bad token through the
# gateway and straight to each service. The same test runs in CI (deploy/bin/test); this is the way to run it on its
# own. Prints the summary; the full table is system-tests/target/authz-matrix.md.
#
# Needs PostgreSQL, Kafka and Keycloak running (deploy/bin/up --infra-only). Before the run, the realm file's test-only
# clients (authz-matrix-*: a 1-second token lifespan for the expired token, no audience mapper for the wrong-audience
# one) are added to the running Keycloak with the admin REST API's partialImport (existing ones are skipped, nothing
# is restarted or overwritten): a Keycloak imported before they were in the realm file lacks them.
#
# Usage: deploy/reliability/authz-matrix.sh            (NX_SKIP_BUILD=1: use the jars already built;
#                                                      NX_E2E_ID: names the run's topics and databases, as for the system tests)
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
nx_pick_jdk
cd "$NX_ROOT"
command -v python3 >/dev/null || die "python3 is needed to pick the test-only clients out of the realm file"

step "Keycloak: the realm file's test-only clients (partialImport, existing ones skipped)"
admin=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin-dev-only \
  "$NX_KEYCLOAK_URL/realms/master/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/') \
  || die "cannot sign in to Keycloak's admin API at $NX_KEYCLOAK_URL (is it running? deploy/bin/up --infra-only)"
python3 - "$NX_ROOT/deploy/keycloak/neglect-exchange-realm.json" > "$NX_STATE/authz-matrix-clients.json" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1]))
test_only = lambda client_id: (client_id or "").startswith("authz-matrix-")
print(json.dumps({"ifResourceExists": "SKIP",
                  "clients": [c for c in realm["clients"] if test_only(c["clientId"])],
                  "users": [u for u in realm["users"] if test_only(u.get("serviceAccountClientId"))]}))
PY
curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
  --data-binary @"$NX_STATE/authz-matrix-clients.json" "$NX_KEYCLOAK_URL/admin/realms/neglect-exchange/partialImport" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("  added %d, skipped %d (already there)" % (r["added"], r["skipped"]))'

if [ "${NX_SKIP_BUILD:-0}" != 1 ]; then
  step "Build: ./mvnw install -DskipTests (the four services' jars the test starts)"
  ./mvnw -B -q install -DskipTests
fi

step "AuthorizationMatrixTest"
report=system-tests/target/authz-matrix.md
rm -f "$report"
start=$(date +%s)
status=0
./mvnw -B verify -pl system-tests -Dtest=AuthorizationMatrixTest -Dsurefire.failIfNoSpecifiedTests=false \
  > "$NX_LOGS/authz-matrix.log" 2>&1 || status=$?
if [ -f "$report" ]; then
  grep -E '^(Checked calls|Durations)' "$report"
  sed -n '/^## Mismatches/,$p' "$report"
fi
grep -E 'Tests run:.*AuthorizationMatrixTest' "$NX_LOGS/authz-matrix.log" || true
say "Maven run (services' start included): $(( $(date +%s) - start )) s; log $NX_LOGS/authz-matrix.log; table $NX_ROOT/$report"
exit $status
