# Shared settings and helpers for the deploy/bin scripts. Sourced, never run.
# Everything is overridable by environment; defaults are the local ports of ARCHITECTURE.md.

NX_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NX_STATE=${NX_STATE_DIR:-$NX_ROOT/.local}            # pids, logs, broker data: git-ignored
NX_CACHE=${NX_CACHE_DIR:-$HOME/.cache/neglect-exchange} # downloads and the built Keycloak, shared by clones
NX_RUN=$NX_STATE/run
NX_LOGS=$NX_STATE/logs

export NX_HOST=${NX_HOST:-127.0.0.1}
export NX_GATEWAY_PORT=${NX_GATEWAY_PORT:-8080}
export NX_ASSESSMENT_PORT=${NX_ASSESSMENT_PORT:-8081}
export NX_ESCALATION_PORT=${NX_ESCALATION_PORT:-8082}
export NX_TOOLKIT_PORT=${NX_TOOLKIT_PORT:-8083}
export NX_KEYCLOAK_PORT=${NX_KEYCLOAK_PORT:-8180}
export NX_KAFKA_PORT=${NX_KAFKA_PORT:-9092}
export NX_KAFKA_CONTROLLER_PORT=${NX_KAFKA_CONTROLLER_PORT:-9093}
export NX_PG_HOST=${NX_PG_HOST:-127.0.0.1}
export NX_PG_PORT=${NX_PG_PORT:-5432}
export NX_PG_SUPERUSER=${NX_PG_SUPERUSER:-postgres}
export NX_KAFKA_BOOTSTRAP=${NX_KAFKA_BOOTSTRAP:-$NX_HOST:$NX_KAFKA_PORT}
export NX_KEYCLOAK_URL=${NX_KEYCLOAK_URL:-http://$NX_HOST:$NX_KEYCLOAK_PORT}

NX_KAFKA_VERSION=${NX_KAFKA_VERSION:-4.3.1}
NX_KEYCLOAK_VERSION=${NX_KEYCLOAK_VERSION:-26.5.6}
NX_SERVICES=(toolkit-content-service assessment-service escalation-service gateway)

mkdir -p "$NX_RUN" "$NX_LOGS" "$NX_CACHE"

say()  { printf '%s\n' "$*"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# The build targets Java 21; JDK 17 is the machine default, so find a JDK >= 21.
nx_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}'; }
nx_pick_jdk() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(nx_java_major "$candidate"); major=${major%%.*}
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  [ -n "$best" ] || die "no JDK >= 21 found (looked at JAVA_HOME and /usr/lib/jvm/*)"
  export JAVA_HOME=$best PATH=$best/bin:$PATH
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# pid files are the only record of what these scripts started; stop uses nothing else.
pid_file()   { printf '%s/%s.pid' "$NX_RUN" "$1"; }
is_running() { local f; f=$(pid_file "$1"); [ -f "$f" ] && kill -0 "$(head -n1 "$f")" 2>/dev/null; }

# start_process NAME COMMAND...: detached from this shell, output in .local/logs/NAME.log
start_process() {
  local name=$1; shift
  setsid nohup "$@" >"$NX_LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$(pid_file "$name")"
}

# wait_until NAME TIMEOUT_SECONDS CHECK...: shows progress while it waits; fails with the log's tail.
wait_until() {
  local name=$1 timeout=$2; shift 2
  local start=$SECONDS
  printf '  waiting for %-26s' "$name"
  until "$@" >/dev/null 2>&1; do
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      printf ' gave up after %ss\n' "$timeout"
      [ -f "$NX_LOGS/$name.log" ] && tail -n 30 "$NX_LOGS/$name.log" >&2
      return 1
    fi
    if [ -f "$(pid_file "$name")" ] && ! is_running "$name"; then
      printf ' exited (log: %s)\n' "$NX_LOGS/$name.log"
      tail -n 30 "$NX_LOGS/$name.log" >&2
      return 1
    fi
    printf '.'; sleep 1
  done
  printf ' ready in %ss\n' $((SECONDS - start))
}

# stop_process NAME: SIGTERM the recorded PID (and kc.sh's java child), wait, then SIGKILL. PostgreSQL gets SIGINT,
# its fast shutdown (SIGTERM would wait for every client to leave), and stops its own children.
stop_process() {
  local name=$1 f pid pids sig=TERM
  f=$(pid_file "$name")
  [ -f "$f" ] || return 0
  pids=$(cat "$f")
  # scripts run with set -e: a process without children (pgrep 1) or already gone (kill 1) is no error here
  if [ "$name" = postgres ]; then sig=INT
  else for pid in $pids; do pids="$pids $(pgrep -P "$pid" 2>/dev/null | tr '\n' ' ' || true)"; done
  fi
  printf '  stopping %-26s' "$name"
  kill -"$sig" $pids 2>/dev/null || true
  for _ in $(seq 1 40); do
    alive=0; for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 1
  done
  if [ $alive = 1 ]; then kill -KILL $pids 2>/dev/null || true; printf ' (killed)'; fi
  rm -f "$f"
  printf ' stopped\n'
}

# A throwaway Maven call that only fetches artifacts (the wrapper's Maven, JDK >= 21).
nx_mvn() { "$NX_ROOT/mvnw" -B -q "$@"; }
