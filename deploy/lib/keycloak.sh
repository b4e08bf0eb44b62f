# Keycloak from Maven Central (keycloak-quarkus-dist zip), built once for PostgreSQL and cached. Sourced.

KEYCLOAK_HOME=$NX_CACHE/keycloak-$NX_KEYCLOAK_VERSION
NX_REALM_FILE=$NX_ROOT/deploy/keycloak/neglect-exchange-realm.json
NX_REALM_URL=$NX_KEYCLOAK_URL/realms/neglect-exchange

keycloak_fetch() {
  [ -f "$KEYCLOAK_HOME/.built" ] && return 0
  say "  fetching Keycloak $NX_KEYCLOAK_VERSION from Maven Central and building it for PostgreSQL (once; cached)"
  local tmp; tmp=$(mktemp -d)
  nx_mvn dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$NX_KEYCLOAK_VERSION:zip" \
    -DoutputDirectory="$tmp" || die "could not fetch Keycloak"
  rm -rf "$KEYCLOAK_HOME"
  unzip -q "$tmp"/keycloak-quarkus-dist-*.zip -d "$tmp/unpacked" && mv "$tmp"/unpacked/keycloak-* "$KEYCLOAK_HOME"
  rm -rf "$tmp"
  "$KEYCLOAK_HOME/bin/kc.sh" build --db=postgres --health-enabled=true >"$NX_LOGS/keycloak-build.log" 2>&1 \
    || { tail -n 20 "$NX_LOGS/keycloak-build.log"; die "kc.sh build failed"; }
  touch "$KEYCLOAK_HOME/.built"
}

keycloak_ready() { curl -sf -o /dev/null "$NX_REALM_URL/.well-known/openid-configuration"; }

# Keycloak imports a realm only into a database that lacks it: the database's comment records the realm
# file it was imported from, and a changed realm file gets a fresh database.
keycloak_reset_db_if_realm_changed() {
  local want have
  want=$(sha256sum "$NX_REALM_FILE" | cut -c1-16)
  have=$(psql_admin -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'nx_keycloak'")
  if [ "$have" != "realm-$want" ]; then
    [ -n "$have" ] && say "  the realm file changed: recreating Keycloak's database so it is imported again"
    psql_admin -c "DROP DATABASE IF EXISTS nx_keycloak WITH (FORCE)"
    psql_admin -c "CREATE DATABASE nx_keycloak OWNER nx_keycloak"
    psql_admin -c "COMMENT ON DATABASE nx_keycloak IS 'realm-$want'"
  fi
}

keycloak_start() {
  if keycloak_ready; then say "  keycloak: realm already served at $NX_REALM_URL"; return 0; fi
  port_open "$NX_HOST" "$NX_KEYCLOAK_PORT" && die "port $NX_KEYCLOAK_PORT is taken by something that does not serve the realm"
  keycloak_fetch
  keycloak_reset_db_if_realm_changed
  mkdir -p "$KEYCLOAK_HOME/data/import"
  rm -f "$KEYCLOAK_HOME"/data/import/*.json
  cp "$NX_REALM_FILE" "$KEYCLOAK_HOME/data/import/"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin-dev-only JAVA_OPTS_KC_HEAP="-Xms256m -Xmx512m" \
  start_process keycloak "$KEYCLOAK_HOME/bin/kc.sh" start --optimized \
    --db-url="jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/nx_keycloak" --db-username=nx_keycloak --db-password=nx_keycloak-dev-only \
    --http-enabled=true --http-host="$NX_HOST" --http-port="$NX_KEYCLOAK_PORT" --http-management-port=$((NX_KEYCLOAK_PORT + 1)) \
    --hostname="$NX_KEYCLOAK_URL" --hostname-strict=false --import-realm
  NX_STARTED+=(keycloak)
}
