#!/usr/bin/env bash
# Checks the Kubernetes manifests and fails on any problem (docs/operations.md, "What is checked before a deploy"):
#   1. both overlays' realm-import.yaml are what generate-realm-import.sh makes from deploy/keycloak's realm file;
#   2. both overlays render (kubectl kustomize, offline);
#   3. the validator shows it catches planted faults (a self-test on the local overlay), then validates every
#      rendered resource: Kubernetes kinds against the official Kubernetes Java client's models,
#      Strimzi's kinds against Strimzi's CRDs (generated from io.strimzi:api by Strimzi's own generator, as its
#      release build does), the Keycloak Operator's and CloudNativePG's against schemas/*.yaml (why: at their top;
#      a realm import's realm against Keycloak's own RealmRepresentation); an unknown kind fails. Each overlay's
#      KafkaTopics must be deploy/kafka/topics.txt's topics and .dlq twins with the same partitions;
#   4. prints the resources per overlay and per kind.
# The tools and schemas are fetched from Maven Central once (check/*.xml, pinned versions) into
# ~/.cache/neglect-exchange/k8s-check (NX_CACHE_DIR); later runs are offline. Needs kubectl (with its built-in
# kustomize), jq, a JDK >= 21 and Maven (the project's wrapper).
#   deploy/kubernetes/check.sh                  the two overlays
#   deploy/kubernetes/check.sh NAME=FILE...     other rendered manifests instead, e.g. a deliberately broken copy
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/common.sh"
nx_pick_jdk
for tool in kubectl jq; do
  command -v "$tool" >/dev/null || die "deploy/kubernetes/check.sh needs $tool"
done
cache=$NX_CACHE/k8s-check
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$cache"

# the class path of a fetch POM in check/, resolved by Maven once per content of the POM
classpath() {
  local pom=$here/check/$1.xml file
  file=$cache/$1-$(sha256sum "$pom" | cut -c1-16).classpath
  if [ ! -s "$file" ]; then
    say "  fetching the jars of check/$1.xml from Maven Central (once)" >&2
    nx_mvn -f "$pom" dependency:build-classpath -Dmdep.outputFile="$file.tmp" >&2 || die "could not fetch check/$1.xml"
    mv "$file.tmp" "$file"
  fi
  cat "$file"
}

# Strimzi's CRDs, made by Strimzi's own generator from its API classes, with the arguments of its release build
strimzi_crds() {
  local dir=$cache/strimzi-crds-$(sha256sum "$here/check/strimzi-crds.xml" | cut -c1-16)
  if [ ! -f "$dir/.complete" ]; then
    say "  generating Strimzi's CRDs from io.strimzi:api (once)" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    java -cp "$(classpath strimzi-crds)" io.strimzi.crdgenerator.CrdGenerator --yaml \
      --label app:strimzi --label strimzi.io/crd-install:true --target-kube 1.16+ \
      --crd-api-version v1 --api-versions v1 --storage-version v1 \
      "io.strimzi.api.kafka.model.kafka.Kafka=$dir/kafka.yaml" \
      "io.strimzi.api.kafka.model.nodepool.KafkaNodePool=$dir/kafkanodepool.yaml" \
      "io.strimzi.api.kafka.model.topic.KafkaTopic=$dir/kafkatopic.yaml" >&2 || die "Strimzi's CRD generator failed"
    touch "$dir/.complete"
  fi
  ls "$dir"/*.yaml
}

step "Kubernetes manifests (deploy/kubernetes): generated files, rendering, schemas"
"$here/generate-realm-import.sh" --check
say "  overlays/*/realm-import.yaml are in sync with deploy/keycloak/neglect-exchange-realm.json"

manifests=()
if [ $# -gt 0 ]; then
  manifests=("$@")
else
  for overlay in local production; do
    kubectl kustomize "$here/overlays/$overlay" > "$work/$overlay.yaml" || die "overlays/$overlay does not render"
    manifests+=("$overlay=$work/$overlay.yaml")
  done
  say "  both overlays render (kubectl kustomize)"
fi

mapfile -t crds < <(strimzi_crds; ls "$here"/schemas/*.yaml)
validator_cp=$(classpath validator)
# the stand-in CRDs are Kubernetes resources too, validated like the overlays
also=()
for schema in "$here"/schemas/*.yaml; do also+=("schemas/$(basename "$schema")=$schema"); done
kubectl kustomize "$here/overlays/local" > "$work/local-overlay.yaml"
java -cp "$validator_cp" "$here/check/ValidateManifests.java" \
  --topics "$here/../kafka/topics.txt" --crd "${crds[@]}" --self-test "$work/local-overlay.yaml" \
  --manifests "${manifests[@]}" --also "${also[@]}"
