#!/usr/bin/env bash
# Issue 8: after a test run, looks for the NHS numbers, names and dates of birth the tests used in every log the run
# wrote, every record of every topic on the broker (key, value, headers; .dlq topics too) and every error body the
# tests received (deploy/reliability/PrivacyScan.java). First proves on planted leaks that it finds them
# (--self-test), then scans. Prints what it scanned and each hit, masked; exits 1 on any hit. Target: 0 hits.
#   deploy/reliability/privacy-scan.sh            (after ./mvnw verify; deploy/bin/test runs it)
# Needs the broker of the run (NX_KAFKA_BOOTSTRAP, default 127.0.0.1:9092). NX_PRIVACY_TOPICS (a regex) limits the
# topics read, for a broker shared with other runs.
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
source "$NX_ROOT/deploy/lib/kafka.sh"
nx_pick_jdk
kafka_fetch
scan() { java -cp "$KAFKA_HOME/libs/*" "$NX_ROOT/deploy/reliability/PrivacyScan.java" "$@" 2>&1 | grep -v '^SLF4J'; }
step "Privacy scan: self-test on planted leaks"
scan --self-test --bootstrap "$NX_KAFKA_BOOTSTRAP"
step "Privacy scan: logs, topics on $NX_KAFKA_BOOTSTRAP, error bodies"
scan --root "$NX_ROOT" --bootstrap "$NX_KAFKA_BOOTSTRAP" --topics "${NX_PRIVACY_TOPICS:-.*}"
