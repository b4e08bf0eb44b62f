# The four Quarkus services: built once with the wrapper, started from their quarkus-app folders. Sourced.

service_port() {
  case $1 in
    gateway) echo "$NX_GATEWAY_PORT" ;;
    assessment-service) echo "$NX_ASSESSMENT_PORT" ;;
    escalation-service) echo "$NX_ESCALATION_PORT" ;;
    toolkit-content-service) echo "$NX_TOOLKIT_PORT" ;;
  esac
}

service_ready() { curl -sf -o /dev/null "http://$NX_HOST:$(service_port "$1")/q/health/ready"; }

services_build() {
  say "  building the four services (./mvnw package -DskipTests)"
  (cd "$NX_ROOT" && ./mvnw -B -q package -DskipTests >"$NX_LOGS/build.log" 2>&1) \
    || { tail -n 40 "$NX_LOGS/build.log"; die "build failed (log: $NX_LOGS/build.log)"; }
}

service_start() {
  local name=$1 jar=$NX_ROOT/$1/target/quarkus-app/quarkus-run.jar
  if is_running "$name"; then say "  $name: already running (pid $(cat "$(pid_file "$name")"))"; return 0; fi
  port_open "$NX_HOST" "$(service_port "$name")" && die "port $(service_port "$name") for $name is taken by another process"
  # a local, dev-only deployment: synthetic NHS numbers in the 999 test range are welcome, and webhooks may go over
  # plain http to loopback, where the local suite's receivers listen (production leaves both unset: https, public only)
  NX_ALLOW_TEST_NHS_NUMBERS=true NX_WEBHOOKS_ALLOW_PLAIN_HTTP=true NX_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.0/8 \
    start_process "$name" java -Xmx256m -XX:+UseSerialGC -jar "$jar"
  NX_STARTED+=("$name")
}
