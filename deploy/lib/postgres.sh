# PostgreSQL: one database and one role per service (plus their test databases) and Keycloak's. Sourced.
# The roles' passwords are dev-only; local PostgreSQL runs with trust auth.

NX_DATABASES=(toolkit assessment escalation gateway)

psql_admin() { psql -v ON_ERROR_STOP=1 -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" -d postgres "$@"; }

postgres_ready() { pg_isready -q -h "$NX_PG_HOST" -p "$NX_PG_PORT"; }

postgres_ensure_running() {
  postgres_ready && return 0
  # On the project's Debian machines the cluster exists but may have been stopped.
  if command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ]; then
    local version; version=$(ls /etc/postgresql | sort -V | tail -n1)
    say "  starting the local PostgreSQL $version cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  wait_until postgres 30 postgres_ready || die "PostgreSQL is not answering on $NX_PG_HOST:$NX_PG_PORT"
}

postgres_create_role_and_db() {  # ROLE DATABASE...
  local role=$1; shift
  psql_admin -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
        CREATE ROLE $role LOGIN PASSWORD '$role-dev-only';
      END IF; END \$\$;"
  local db
  for db in "$@"; do
    [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" = 1 ] || psql_admin -c "CREATE DATABASE $db OWNER $role"
  done
}

postgres_create_databases() {
  local name
  for name in "${NX_DATABASES[@]}"; do
    # nx_<service> for the running suite, _test for each module's tests, _e2e for the gateway's suite tests
    postgres_create_role_and_db "nx_$name" "nx_$name" "nx_${name}_test" "nx_${name}_e2e"
  done
  postgres_create_role_and_db nx_keycloak nx_keycloak
  say "  databases ready: ${NX_DATABASES[*]/#/nx_} (+ _test, _e2e) and nx_keycloak"
}
