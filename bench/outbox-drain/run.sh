#!/usr/bin/env bash
# P4, outbox backlog drain after Kafka was down. Starts its OWN single-node Kafka on free ports (never the shared
# one) and assessment-service against it; stops that broker, leaves EVENTS events in the service's outbox
# (backlog.sql: chronology.entry-added rows as POST chronology writes them), starts the broker again and times the
# relay from the first event published to the last: events/s. Baseline in the same run: kafka-producer-perf-test
# (org.apache.kafka.tools.ProducerPerformance, from kafka-tools) with acks=all, the same number of records of the same
# size on the same broker. Targets: >= 5,000 events/s and >= 25% of the baseline.
# Usage: bench/outbox-drain/run.sh     (env: EVENTS=50000)
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
events=${EVENTS:-50000}
need_jars assessment-service
[ -d "$KAFKA_LIBS" ] || die "Kafka's jars are missing in $KAFKA_LIBS (deploy/bin/up --infra-only fetches them)"
tools=$NX_CACHE/kafka-tools-$NX_KAFKA_VERSION
if [ ! -f "$tools/.complete" ]; then
  say "fetching kafka-tools $NX_KAFKA_VERSION (once; cached in $tools)"
  nx_mvn -f bench/outbox-drain/tools-pom.xml -Dkafka.version="$NX_KAFKA_VERSION" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$tools/libs"
  touch "$tools/.complete"
fi

kport=$(free_port); cport=$(free_port); data=$BENCH_OUT/kafka-drain; rm -rf "$data"; mkdir -p "$data"
props=$BENCH_OUT/kafka-drain.properties
cat >"$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$NX_HOST:$cport
listeners=PLAINTEXT://$NX_HOST:$kport,CONTROLLER://$NX_HOST:$cport
advertised.listeners=PLAINTEXT://$NX_HOST:$kport
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid)" \
  -c "$props" >"$BENCH_OUT/kafka-drain-format.log" 2>&1
broker_pid=
broker_start() {
  java -Xms256m -Xmx512m -XX:+UseG1GC -Dlog4j2.configurationFile="$PWD/deploy/kafka/log4j2.xml" -cp "$KAFKA_LIBS/*" \
    kafka.Kafka "$props" >>"$BENCH_OUT/kafka-drain.log" 2>&1 &
  broker_pid=$!; bench_pids+=("$broker_pid")
  for _ in $(seq 600); do port_open "$NX_HOST" "$kport" && return 0; sleep 0.1; done
  die "the bench broker did not open :$kport"
}
broker_stop() { kill "$broker_pid"; wait "$broker_pid" 2>/dev/null || true; }
say "own broker on :$kport (controller :$cport), data in $data"
broker_start
bench_topics drain "$NX_HOST:$kport" >/dev/null

db=$(fresh_db assessment drain); port=$(free_port)
start_service outbox-drain assessment-service "$port" "$db" -Dkafka.bootstrap.servers="$NX_HOST:$kport"
pid=$started_pid; wait_ready "$port" "$pid" >/dev/null
q() { psql -qAt -h "$NX_PG_HOST" -p "$NX_PG_PORT" -U "$NX_PG_SUPERUSER" "$db" "$@"; }

step "P4 Kafka down: $events events wait in the outbox"
broker_stop
read -r n size < <(q -v events="$events" -f bench/outbox-drain/backlog.sql | tail -n1 | tr '|' ' ')
say "  backlog: $n events, $size bytes of data on average"
step "Kafka back: the relay drains the backlog"
t_up=$(date +%s%N); broker_start; t_ready=$(date +%s%N)
first=; while :; do
  left=$(q -c "select count(*) from outbox_event where published_at is null")
  now=$(date +%s%N)
  [ -z "$first" ] && [ "$left" -lt "$n" ] && first=$now
  [ "$left" = 0 ] && break
  [ $(( (now - t_ready) / 1000000000 )) -lt 300 ] || die "$left events still unpublished after 300 s"
  sleep 0.1
done
drain_s=$(awk -v a="$first" -v b="$now" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
wait_s=$(awk -v a="$t_ready" -v b="$first" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
rate=$(awk -v n="$n" -v s="$drain_s" 'BEGIN { printf "%.0f", n / s }')
say "  first event published ${wait_s}s after the broker was back; all $n in ${drain_s}s: $rate events/s"

step "baseline: kafka-producer-perf-test, acks=all, $n records of $size bytes, same broker"
perf=$(java -Xmx512m -cp "$tools/libs/*" org.apache.kafka.tools.ProducerPerformance --topic "${TOPIC_PREFIX}assessment-events" \
  --num-records "$n" --record-size "$size" --throughput -1 \
  --producer-props bootstrap.servers="$NX_HOST:$kport" acks=all 2>&1 | grep -v SLF4J | tail -n1)
say "  $perf"
base=$(printf '%s\n' "$perf" | sed 's/.* \([0-9.]*\) records\/sec.*/\1/')
figure "P4 outbox drain after Kafka was down: ${rate} events/s (target >= 5000) vs producer perf test ${base} records/s" \
  "= $(ratio "$rate" "$base") (target >= 25%); relay resumed ${wait_s}s after the broker"
