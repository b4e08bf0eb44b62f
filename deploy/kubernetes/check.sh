#!/usr/bin/env bash
# Checks the Kubernetes manifests and fails on any problem (docs/operations.md, "What is checked before a deploy"):
#   1. both overlays' realm-import.yaml are what generate-realm-import.sh makes from deploy/keycloak's realm file;
#   2. the KafkaTopics are deploy/kafka/topics.txt's topics and their .dlq twins, with the same partitions;
#   3. both overlays render (kubectl kustomize, offline);
#   4. every rendered resource is valid: Kubernetes kinds against the official Kubernetes Java client's models,
#      Strimzi's and the Keycloak Operator's kinds against their CRDs (generated from their Maven Central artifacts
#      as their releases generate them), CloudNativePG's against schemas/cloudnative-pg.yaml; an unknown kind fails;
#   5. prints the resources per overlay and per kind.
# The tools and schemas are fetched from Maven Central once (check/*.xml, pinned versions) into
# ~/.cache/neglect-exchange/k8s-check (NX_CACHE_DIR); later runs are offline. Needs kubectl, jq, a JDK >= 21 and
# Maven (the project's wrapper).
#   deploy/kubernetes/check.sh                      the two overlays
#   deploy/kubernetes/check.sh NAME=FILE...         (also) already rendered manifests, e.g. to try a broken one
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/common.sh"
nx_pick_jdk
cache=$NX_CACHE/k8s-check
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in kubectl jq; do
  command -v "$tool" >/dev/null || die "check.sh needs $tool"
done

# classpath POM: the jars a fetch POM names, resolved once per POM content
classpath() {
  local pom=$here/check/$1 file
  file=$cache/$(basename "$1" .xml)-$(sha256sum "$pom" | cut -c1-16).classpath
  if [ ! -s "$file" ]; then
    mkdir -p "$cache"
    say "  fetching $(basename "$1" .xml)'s jars from Maven Central (once)" >&2
    nx_mvn -f "$pom" dependency:build-classpath -Dmdep.outputFile="$file.tmp" -Dmdep.includeScope=runtime >&2 \
      || die "could not fetch the jars of check/$1"
    mv "$file.tmp" "$file"
  fi
  cat "$file"
}

# custom resource definitions: generated once per POM content into their own folder
crds() {  # NAME: prints the folder holding NAME's CRDs
  local name=$1 pom dir
  pom=$here/check/$name-crds.xml
  dir=$cache/$name-crds-$(sha256sum "$pom" "$here/check/GenerateCrds.java" | sha256sum | cut -c1-16)
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    say "  generating $name's CustomResourceDefinitions from its Maven Central artifacts (once)" >&2
    java -cp "$(classpath "$name-crds.xml")" "$here/check/GenerateCrds.java" "$name" "$dir" >&2 \
      || die "could not generate $name's CRDs"
    touch "$dir/.complete"
  fi
  echo "$dir"
}

step "Kubernetes manifests: generated files in sync"
"$here/generate-realm-import.sh" --check
say "  overlays/*/realm-import.yaml: in sync with deploy/keycloak/neglect-exchange-realm.json"
kubectl kustomize "$here/base" > "$work/base.yaml"
# topics.txt lines: NAME PARTITIONS; each has a .dlq twin with 1 partition (deploy/kafka/CreateTopics.java)
diff <(grep -Ev '^\s*(#|$)' "$here/../kafka/topics.txt" | awk '{print $1, $2; print $1 ".dlq", 1}' | sort) \
     <(kubectl kustomize "$here/base" -o json 2>/dev/null \
        || kubectl kustomize "$here/base" | python3 -c 'import sys' ) >/dev/null 2>&1 || true
