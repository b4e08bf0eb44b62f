# Apache Kafka as a single KRaft node (broker + controller), fetched from Maven Central. Sourced.

KAFKA_HOME=$NX_CACHE/kafka-$NX_KAFKA_VERSION
KAFKA_DATA=$NX_STATE/kafka-data

kafka_fetch() {
  [ -f "$KAFKA_HOME/.complete" ] && return 0
  say "  fetching Apache Kafka $NX_KAFKA_VERSION from Maven Central (once; cached in $KAFKA_HOME)"
  rm -rf "$KAFKA_HOME"
  nx_mvn -f "$NX_ROOT/deploy/kafka/fetch-pom.xml" -Dkafka.version="$NX_KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_HOME/libs" || die "could not fetch Kafka"
  touch "$KAFKA_HOME/.complete"
}

kafka_ready() { port_open "$NX_HOST" "$NX_KAFKA_PORT"; }

kafka_start() {
  if kafka_ready; then say "  kafka: already answering on $NX_KAFKA_BOOTSTRAP"; return 0; fi
  kafka_fetch
  mkdir -p "$KAFKA_DATA"
  local props=$NX_STATE/kafka-server.properties
  cat > "$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$NX_HOST:$NX_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$NX_HOST:$NX_KAFKA_PORT,CONTROLLER://$NX_HOST:$NX_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$NX_HOST:$NX_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
  local cp="$KAFKA_HOME/libs/*"
  if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
    java -cp "$cp" kafka.tools.StorageTool format -t "$(java -cp "$cp" kafka.tools.StorageTool random-uuid)" \
      -c "$props" --ignore-formatted >"$NX_LOGS/kafka-format.log" 2>&1 || { cat "$NX_LOGS/kafka-format.log"; die "kafka storage format failed"; }
  fi
  start_process kafka java -Xms256m -Xmx512m -XX:+UseG1GC -Dlog4j2.configurationFile="$NX_ROOT/deploy/kafka/log4j2.xml" \
    -cp "$cp" kafka.Kafka "$props"
  NX_STARTED+=(kafka)
}

kafka_create_topics() {
  java -cp "$KAFKA_HOME/libs/*" "$NX_ROOT/deploy/kafka/CreateTopics.java" "$NX_KAFKA_BOOTSTRAP" \
    "$NX_ROOT/deploy/kafka/topics.txt" "" "test." 2>&1 | grep -v SLF4J || die "could not create topics"
}
