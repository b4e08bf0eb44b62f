# PostgreSQL: one database and one role per service (plus their test databases) and Keycloak's. Sourced.
# The roles' passwords are dev-only; local PostgreSQL runs with trust auth.

NX_DATABASES=(toolkit assessment escalation gateway)

psql_admin() { psql -v ON_ERROR_STOP=1 -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" -d postgres "$@"; }

# as the superuser: a role that does not exist (root, a login name) would leave a FATAL in the server log at each poll
postgres_ready() { pg_isready -q -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER"; }

# When nothing answers on NX_PG_HOST:NX_PG_PORT: as root, the Debian cluster (installed first if the machine has no
# PostgreSQL server); otherwise, or with NX_PG_EMBEDDED=1, an embedded PostgreSQL that deploy/bin/down stops.
postgres_ensure_running() {
  postgres_ready && return 0
  case $NX_PG_HOST in
    127.0.0.1|localhost) ;;
    *) die "PostgreSQL is not answering on $NX_PG_HOST:$NX_PG_PORT (only a local one is started here)" ;;
  esac
  if [ "${NX_PG_EMBEDDED:-0}" = 1 ] || [ "$(id -u)" != 0 ]; then
    postgres_embedded_start
  else
    postgres_debian_start
  fi
  wait_until postgres 30 postgres_ready || die "PostgreSQL is not answering on $NX_PG_HOST:$NX_PG_PORT"
}

# the newest Debian cluster named main, or nothing (no /etc/postgresql at all on a machine without a server)
postgres_debian_version() {
  [ -d /etc/postgresql ] || return 0
  find /etc/postgresql -mindepth 3 -maxdepth 3 -path '*/main/postgresql.conf' | cut -d/ -f4 | sort -V | tail -n1
}

postgres_debian_start() {
  local version; version=$(postgres_debian_version)
  if [ -z "$version" ]; then
    say "  no PostgreSQL server on this machine: installing Debian's postgresql"
    nx_apt_install postgresql
    version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)
    [ -f "/etc/postgresql/$version/main/postgresql.conf" ] || pg_createcluster "$version" main >>"$NX_LOGS/apt.log" 2>&1
    # a new, dev-only cluster: trust for local connections as on the project's machines, on NX_PG_PORT
    cat > "/etc/postgresql/$version/main/pg_hba.conf" <<'HBA'
# written by deploy/lib/postgres.sh for a dev-only cluster: trust for local connections
local all all trust
host all all 127.0.0.1/32 trust
host all all ::1/128 trust
HBA
    pg_conftool "$version" main set port "$NX_PG_PORT"
    # the package may have started the cluster already: a restart applies the settings above
    pg_ctlcluster --skip-systemctl-redirect "$version" main stop >/dev/null 2>&1 || true
  fi
  # On the project's Debian machines the cluster exists but may have been stopped.
  say "  starting the local PostgreSQL $version cluster"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
}

# PostgreSQL binaries from Maven Central (io.zonky.test.postgres, PostgreSQL 15 like Debian 12's), cached; the data
# in .local/postgres-data, trust auth, TCP only
NX_PG_EMBEDDED_VERSION=${NX_PG_EMBEDDED_VERSION:-15.17.0}
PG_EMBEDDED_HOME=$NX_CACHE/postgres-$NX_PG_EMBEDDED_VERSION
PG_EMBEDDED_DATA=$NX_STATE/postgres-data

postgres_embedded_fetch() {
  [ -f "$PG_EMBEDDED_HOME/.complete" ] && return 0
  local arch tmp
  case $(uname -m) in x86_64) arch=amd64 ;; aarch64) arch=arm64v8 ;; *) die "no embedded PostgreSQL for $(uname -m)" ;; esac
  say "  fetching PostgreSQL $NX_PG_EMBEDDED_VERSION from Maven Central (once; cached in $PG_EMBEDDED_HOME)"
  tmp=$(mktemp -d)
  (cd "$tmp" && nx_mvn dependency:copy -DoutputDirectory="$tmp" \
    -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-$arch:$NX_PG_EMBEDDED_VERSION") || die "could not fetch PostgreSQL"
  rm -rf "$PG_EMBEDDED_HOME" && mkdir -p "$PG_EMBEDDED_HOME"
  unzip -p "$tmp"/embedded-postgres-binaries-*.jar '*.txz' | tar xJ -C "$PG_EMBEDDED_HOME" || die "could not unpack PostgreSQL"
  rm -rf "$tmp"
  touch "$PG_EMBEDDED_HOME/.complete"
}

postgres_embedded_start() {
  if is_running postgres; then say "  postgres: the embedded one is starting (pid $(cat "$(pid_file postgres)"))"; return 0; fi
  [ "$(id -u)" != 0 ] || die "the embedded PostgreSQL does not run as root (postgres refuses to): unset NX_PG_EMBEDDED"
  port_open "$NX_PG_HOST" "$NX_PG_PORT" && die "port $NX_PG_PORT is taken by something that is not PostgreSQL"
  postgres_embedded_fetch
  if [ ! -f "$PG_EMBEDDED_DATA/PG_VERSION" ]; then
    rm -rf "$PG_EMBEDDED_DATA"
    "$PG_EMBEDDED_HOME/bin/initdb" -D "$PG_EMBEDDED_DATA" -U "$NX_PG_SUPERUSER" -A trust -E UTF8 --locale=C.UTF-8 \
      >"$NX_LOGS/postgres-initdb.log" 2>&1 || { tail -n 20 "$NX_LOGS/postgres-initdb.log"; die "initdb failed"; }
  fi
  say "  starting an embedded PostgreSQL $NX_PG_EMBEDDED_VERSION (no server here, or NX_PG_EMBEDDED=1; data in $PG_EMBEDDED_DATA)"
  start_process postgres "$PG_EMBEDDED_HOME/bin/postgres" -D "$PG_EMBEDDED_DATA" -h "$NX_PG_HOST" -p "$NX_PG_PORT" \
    -c unix_socket_directories=
  NX_STARTED+=(postgres)
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
    # nx_<service> for the running suite, _test for each module's tests, _e2e for the system tests
    postgres_create_role_and_db "nx_$name" "nx_$name" "nx_${name}_test" "nx_${name}_e2e"
  done
  # assessment-service's identity key store: databases of their own, so nx_assessment's backups never hold the
  # children's keys (docs/operations.md); locally the service's own role owns them
  postgres_create_role_and_db nx_assessment nx_identity_keys nx_identity_keys_test nx_identity_keys_e2e
  # the platform library's own tests (a small application of the library alone)
  postgres_create_role_and_db nx_platform nx_platform_test
  postgres_create_role_and_db nx_keycloak nx_keycloak
  say "  databases ready: ${NX_DATABASES[*]/#/nx_} and nx_identity_keys (+ _test, _e2e), nx_platform_test and nx_keycloak"
}
