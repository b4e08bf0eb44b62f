# The infrastructure every service and test needs: PostgreSQL, Kafka with its topics, Keycloak with the realm.
source "$(dirname "${BASH_SOURCE[0]}")/prerequisites.sh"
source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"
source "$(dirname "${BASH_SOURCE[0]}")/kafka.sh"
source "$(dirname "${BASH_SOURCE[0]}")/keycloak.sh"

infra_up() {
  step "PostgreSQL on $NX_PG_HOST:$NX_PG_PORT"
  postgres_ensure_running
  postgres_create_databases
  step "Kafka and Keycloak (fetched from Maven Central on first use)"
  kafka_fetch
  keycloak_fetch
  kafka_start
  keycloak_start
  wait_until kafka 60 kafka_ready
  kafka_create_topics
  wait_until keycloak 180 keycloak_ready
}
