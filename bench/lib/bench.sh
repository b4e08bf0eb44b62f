# Shared helpers for the bench/ scripts. Sourced, never run. Every script starts what it needs from the built jars,
# on free ports, with its own databases (nx_<svc>_$NX_BENCH_ID) and topics ($NX_BENCH_ID.*), against the running
# PostgreSQL, Kafka and Keycloak (deploy/bin/up --infra-only), and stops what it started when it exits. Scripts
# that share a name (suite) must not run at the same time; run-all.sh runs them one after another.
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source deploy/lib/common.sh
source deploy/lib/postgres.sh
nx_pick_jdk

NX_BENCH_ID=${NX_BENCH_ID:-bench}
# Load before every measured phase, not recorded: on 2 cores a freshly started service spends its first minute
# compiling (JIT) as much as serving; measured after 5 s, P1 was 2.5-2.9% of its baseline, after 60 s 6.8-7.1%
WARMUP=${WARMUP:-60}
BENCH_OUT=${BENCH_OUT:-$NX_STATE/bench}     # logs, JFR recordings, the classpath of the load generator
KAFKA_LIBS="$NX_CACHE/kafka-$NX_KAFKA_VERSION/libs"
mkdir -p "$BENCH_OUT"
bench_pids=()
bench_cleanup() {
  local p
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${bench_pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap bench_cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# the built jars; BENCH_JAR_ROOT points at a copy (e.g. to rebuild while a run goes on)
JAR_ROOT=${BENCH_JAR_ROOT:-.}
jar_of() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$JAR_ROOT" "$1"; }
need_jars() {
  local m
  for m in "$@"; do [ -f "$(jar_of "$m")" ] || die "build first: ./mvnw -B install -DskipTests"; done
}

# fresh_db SERVICE [FIGURE]: drops and creates nx_SERVICE_$NX_BENCH_ID[_FIGURE], owned by the service's role; prints its
# name. Each script names its own, so two scripts never drop each other's database.
fresh_db() {
  local db="nx_$1_$NX_BENCH_ID${2:+_$2}"
  psql_admin -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER nx_$1" >/dev/null 2>&1
  printf '%s' "$db"
}

# bench_topics FIGURE [BOOTSTRAP]: recreates this script's topics ($NX_BENCH_ID_FIGURE.*) from deploy/kafka/topics.txt
# and sets TOPIC_PREFIX, which start_service passes on
bench_topics() {
  TOPIC_PREFIX="${NX_BENCH_ID}_$1."; shift
  [ -d "$KAFKA_LIBS" ] || die "Kafka's jars are missing in $KAFKA_LIBS (deploy/bin/up --infra-only fetches them)"
  java -cp "$KAFKA_LIBS/*" bench/event-stream/EventStreamBench.java topics "${1:-$NX_KAFKA_BOOTSTRAP}" "$TOPIC_PREFIX" \
    deploy/kafka/topics.txt 2>&1 | grep -v SLF4J || true
}

# start_service NAME MODULE PORT DB [JAVA OPTIONS...]: the built jar as a background process; log in $BENCH_OUT/NAME.log.
# NX_BENCH_JFR=1 records a CPU profile of it in $BENCH_OUT/NAME.jfr (written when the script stops it).
# Sets $started_pid and $started_ns (when it was started, for wait_ready). The heap and GC are the same for every service and for the baseline app.
start_service() {
  local name=$1 module=$2 port=$3 db=$4; shift 4
  local dbopt=()
  [ -n "$db" ] && dbopt=("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/$db")
  started_ns=$(date +%s%N)
  local jfr=()
  [ "${NX_BENCH_JFR:-0}" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$BENCH_OUT/$name.jfr,settings=profile")
  java -Xmx256m -XX:+UseSerialGC "${jfr[@]}" -Dquarkus.http.port="$port" "${dbopt[@]}" "-Dnx.topic-prefix=$TOPIC_PREFIX" \
    "-Dnx.consumer-group=$name-$NX_BENCH_ID" -Dquarkus.log.level=WARN \
    `# the services' 2 s to get a connection fails their start on a machine this busy; it changes no figure` \
    -Dquarkus.datasource.jdbc.acquisition-timeout=30S "$@" \
    -jar "$(jar_of "$module")" >"$BENCH_OUT/$name.log" 2>&1 &
  started_pid=$!
  bench_pids+=("$started_pid")
}

ready() { curl -sf -o /dev/null "http://$NX_HOST:$1/q/health/ready"; }

# wait_ready PORT PID [SINCE_NS]: until /q/health/ready answers (at most 180 s); prints the seconds since SINCE_NS
# (the process's start; default now)
wait_ready() {
  local port=$1 pid=$2 start=${3:-$(date +%s%N)} timeout=180
  until ready "$port"; do
    kill -0 "$pid" 2>/dev/null || die "the process on :$port stopped (logs in $BENCH_OUT)"
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$timeout" ] || die "port $port not ready after ${timeout}s"
    sleep 0.05
  done
  awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

# cpu_ticks PID...: CPU time (user + system, in clock ticks) the processes and their exited children have used
cpu_ticks() { local p; for p in "$@"; do awk '{ print $14 + $15 + $16 + $17 }' "/proc/$p/stat" 2>/dev/null || echo 0; done \
  | awk '{ t += $1 } END { print t + 0 }'; }

# cpu_phase_start / cpu_phase_report SECONDS: where the CPU went during a phase, in cores (1.00 = one core busy all
# the time): each of the suite's services that is running, PostgreSQL (every backend) and the Kafka broker
declare -A CPU_PROCESSES=([toolkit]=TK_PID [assessment]=AS_PID [escalation]=ES_PID [gateway]=GW_PID)
cpu_pids_of() {
  case $1 in postgres) pgrep -x postgres || true;; kafka) pgrep -f 'kafka\.Kafka' || true;;
    *) local v=${CPU_PROCESSES[$1]}; printf '%s\n' "${!v:-}";; esac
}
cpu_phase_start() {
  declare -gA cpu_before=()
  local name
  for name in toolkit assessment escalation gateway postgres kafka; do
    [ -n "$(cpu_pids_of "$name")" ] && cpu_before[$name]=$(cpu_ticks $(cpu_pids_of "$name"))
  done
}
cpu_phase_report() {
  local seconds=$1 hz line="" name
  hz=$(getconf CLK_TCK)
  for name in toolkit assessment escalation gateway postgres kafka; do
    [ -n "${cpu_before[$name]:-}" ] || continue
    line+=" $name=$(awk -v t=$(( $(cpu_ticks $(cpu_pids_of "$name")) - cpu_before[$name] )) -v hz="$hz" -v s="$seconds" \
      'BEGIN { printf "%.2f", t / hz / s }')"
  done
  say "  CPU in cores during the phase:$line"
}

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

# ratio A B: A/B as a percentage with one decimal
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1f%%", 100 * a / b }'; }

# figure LINE: one line of the figures table, also appended to $BENCH_OUT/figures.txt
figure() { printf 'FIGURE %s\n' "$*" | tee -a "$BENCH_OUT/figures.txt"; }

# token CLIENT: a client-credentials token from the realm (every secret is <client>-secret, dev only)
token() {
  curl -sf -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$1-secret" \
    "$NX_KEYCLOAK_URL/realms/neglect-exchange/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# loadgen MODE key=value...: bench/lib/LoadGen.java (HdrHistogram from the local Maven repository, fetched once);
# prints its RESULT line. result FIELD LINE: one field of that line (achieved, p99, ...) without its unit.
HDR_JAR="$HOME/.m2/repository/org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar"
loadgen() {
  [ -f "$HDR_JAR" ] || nx_mvn dependency:get -Dartifact=org.hdrhistogram:HdrHistogram:2.2.2 >/dev/null
  java -Xmx1g -cp "$HDR_JAR" bench/lib/LoadGen.java "$@" | tee -a "$BENCH_OUT/results.txt" \
    | while IFS= read -r line; do
        if [[ $line == RESULT* ]]; then printf '  %s\n' "$line" >&2; printf '%s\n' "$line"; fi
      done
}
result() { printf '%s\n' "$2" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { sub(/(ms|\/s)$/, "", $2); print $2 }'; }

# start_suite [GATEWAY JAVA OPTIONS...]: the three services and the gateway from their built jars, on free ports, with
# fresh databases and this run's topics. Sets TK_PORT AS_PORT ES_PORT GW_PORT, *_PID, and SUITE_UP_SECONDS (the
# start of the first process to the last one ready). The rate limit is raised: these figures measure the path, not it.
start_suite() {
  need_jars toolkit-content-service assessment-service escalation-service gateway
  bench_topics suite >/dev/null
  local tk_db as_db keys_db es_db gw_db t0
  tk_db=$(fresh_db toolkit suite); as_db=$(fresh_db assessment suite); es_db=$(fresh_db escalation suite)
  gw_db=$(fresh_db gateway suite)
  # assessment-service's identity key store, a database of its own (owned by its role, as deploy/lib/postgres.sh does)
  keys_db="nx_identity_keys_$NX_BENCH_ID"_suite
  psql_admin -q -c "DROP DATABASE IF EXISTS $keys_db WITH (FORCE)" -c "CREATE DATABASE $keys_db OWNER nx_assessment" >/dev/null 2>&1
  TK_PORT=$(free_port); AS_PORT=$(free_port); ES_PORT=$(free_port); GW_PORT=$(free_port)
  t0=$(date +%s%N)
  start_service toolkit toolkit-content-service "$TK_PORT" "$tk_db"; TK_PID=$started_pid; local tk_t=$started_ns
  start_service assessment assessment-service "$AS_PORT" "$as_db" -Dnx.identity.allow-test-nhs-numbers=true \
    -Dquarkus.datasource.identity-keys.jdbc.url="jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/$keys_db"
  AS_PID=$started_pid; local as_t=$started_ns
  start_service escalation escalation-service "$ES_PORT" "$es_db"; ES_PID=$started_pid; local es_t=$started_ns
  start_service gateway gateway "$GW_PORT" "$gw_db" -Dnx.routes.services.toolkit.url="http://$NX_HOST:$TK_PORT" \
    -Dnx.routes.services.assessment.url="http://$NX_HOST:$AS_PORT" -Dnx.routes.services.escalation.url="http://$NX_HOST:$ES_PORT" \
    -Dnx.limits.default.requests-per-second=1000000 -Dnx.limits.default.burst=1000000 "$@"
  GW_PID=$started_pid; local gw_t=$started_ns
  TK_READY=$(wait_ready "$TK_PORT" "$TK_PID" "$tk_t"); AS_READY=$(wait_ready "$AS_PORT" "$AS_PID" "$as_t")
  ES_READY=$(wait_ready "$ES_PORT" "$ES_PID" "$es_t"); GW_READY=$(wait_ready "$GW_PORT" "$GW_PID" "$gw_t")
  SUITE_UP_SECONDS=$(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
  say "suite up in ${SUITE_UP_SECONDS}s: toolkit :$TK_PORT assessment :$AS_PORT escalation :$ES_PORT gateway :$GW_PORT (topics $TOPIC_PREFIX*)"
}

# bench_children N CLIENT: registers N children through the gateway as CLIENT (names are letters only, dates of birth
# made up); prints their childRefs, comma-separated
bench_children() {
  local tok i refs=()
  tok=$(token "$2")
  for i in $(seq "$1"); do
    refs+=("$(curl -sf -X POST "http://$NX_HOST:$GW_PORT/api/v1/children" -H "Authorization: Bearer $tok" \
      -H 'Content-Type: application/json' -H 'X-Practitioner-Id: bench-1' \
      -d "{\"givenName\": \"Bench\", \"familyName\": \"Testchild\", \"dateOfBirth\": \"2023-05-$(( 10 + i % 18 ))\"}" \
      | sed 's/.*"childRef":"\([^"]*\)".*/\1/')")
  done
  (IFS=,; printf '%s' "${refs[*]}")
}

# published_edition PORT [TOKEN]: waits until the toolkit behind PORT answers editions/current for HIOW (seeded at start)
published_edition() {
  local i auth=()
  [ -n "${2:-}" ] && auth=(-H "Authorization: Bearer $2")
  for i in $(seq 120); do
    curl -sf -o /dev/null "${auth[@]}" "http://$NX_HOST:$1/api/v1/toolkits/HIOW/editions/current" && return 0
    sleep 0.5
  done
  die "no published HIOW edition behind :$1"
}
