#!/usr/bin/env bash
# P5, auth tax: saturated throughput (CONCURRENCY clients) of GET /api/v1/toolkits/HIOW/editions/current on
# toolkit-content-service with a token (the production jar: token verified, roles checked), against the same endpoint
# without a token on a jar built with the bench profile, in which authorization is off
# (toolkit-content-service/.../security/BenchAuthorizationOff.java: exists only in a jar built with
# -Dquarkus.profile=bench, which this script builds into target/bench-app). Target: >= 90%.
# Usage: bench/auth-tax/run.sh     (env: CONCURRENCY=16, DURATION=15, WARMUP=60)
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
c=${CONCURRENCY:-16}; d=${DURATION:-15}; w=$WARMUP
need_jars toolkit-content-service
bench_jar=toolkit-content-service/target/bench-app/quarkus-run.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find toolkit-content-service/src -newer "$bench_jar" -print -quit)" ]; then
  say "building the bench-profile jar (authorization off) into target/bench-app"
  ./mvnw -B -q -pl toolkit-content-service package -DskipTests -Dquarkus.profile=bench \
    -Dquarkus.package.output-directory=bench-app
fi
bench_topics auth >/dev/null
port=$(free_port); start_service toolkit-auth toolkit-content-service "$port" "$(fresh_db toolkit auth)"; pid=$started_pid
off_port=$(free_port); off_db=$(fresh_db toolkit noauth)
java -Xmx256m -XX:+UseSerialGC -Dquarkus.http.port="$off_port" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$NX_PG_HOST:$NX_PG_PORT/$off_db" "-Dnx.topic-prefix=$TOPIC_PREFIX" \
  -Dquarkus.log.level=WARN -jar "$bench_jar" >"$BENCH_OUT/toolkit-noauth.log" 2>&1 &
off_pid=$!; bench_pids+=("$off_pid")
wait_ready "$port" "$pid" >/dev/null; wait_ready "$off_port" "$off_pid" >/dev/null
tok=$(token hscp-health)
published_edition "$port" "$tok"; published_edition "$off_port" ""
path=/api/v1/toolkits/HIOW/editions/current
curl -s -o /dev/null -w '  production jar without a token: %{http_code} (must be 401)\n' "http://$NX_HOST:$port$path"

step "P5 authenticated read vs authorization off, $c clients"
on=$(loadgen max label=auth-on url="http://$NX_HOST:$port$path" "header=Authorization: Bearer $tok" concurrency="$c" duration="$d" warmup="$w")
off=$(loadgen max label=auth-off url="http://$NX_HOST:$off_port$path" concurrency="$c" duration="$d" warmup="$w")
a=$(result achieved "$on"); b=$(result achieved "$off")
figure "P5 auth tax: authenticated read ${a}/s vs authorization off ${b}/s = $(ratio "$a" "$b") (target >= 90%)"
