#!/usr/bin/env bash
# P9, webhook latency against the event stream's: RECEIVERS (20) webhook receivers, HTTP servers in the client's JVM
# on loopback, each verifying every request's Standard Webhooks signature, subscribed to chronology.entry-added
# through the gateway and spread over the partnership's four agency clients (5 subscriptions each); one SSE client
# (hscp-dashboard) on /api/v1/events/stream; chronology entries POSTed through the gateway at RATE/s (50), WARMUP s
# (60) not recorded, then DURATION s (60) measured. Each child's entries are written by an agency other than the one
# that registered it, so each write notifies that one agency: 5 webhooks per write (bench/webhooks/WebhooksBench.java).
# Prints write -> webhook received and write -> SSE event p50/p99 (both from the POST's start, on the client's clock),
# the ratio p99(webhook)/p99(SSE) (target <= 2), webhooks received against expected, duplicates left after dedup by
# webhook-id, and signature failures.
# Runs against the suite deploy/bin/up started (gateway on $NX_GATEWAY_PORT; services.sh lets its webhooks reach
# loopback over plain http) when that gateway answers, else (or with OWN_SUITE=1) starts its own from the built jars
# like the other scripts (start_suite, with the same webhook settings). Deletes its subscriptions when it ends.
# Usage: bench/webhooks/run.sh   (env: RATE=50, DURATION=60, WARMUP=60, RECEIVERS=20, CHILDREN=5 per agency, DRAIN=120,
#        OWN_SUITE=0|1, PARTNERSHIP=hscp)
set -euo pipefail
source "$(dirname "$0")/../lib/bench.sh"
rate=${RATE:-50}; d=${DURATION:-60}; receivers=${RECEIVERS:-20}
gateway="http://$NX_HOST:$NX_GATEWAY_PORT"
if [ "${OWN_SUITE:-0}" != 1 ] && ready "$NX_GATEWAY_PORT"; then
  say "the running suite's gateway: $gateway (deploy/bin/up)"
else
  start_suite -Dnx.notifications.webhooks.allow-plain-http=true -Dnx.notifications.webhooks.allowed-networks=127.0.0.0/8
  gateway="http://$NX_HOST:$GW_PORT"
fi
step "P9 $receivers webhook receivers and an SSE client; chronology at $rate/s (${WARMUP}s warm-up, ${d}s measured)"
out=$(GATEWAY="$gateway" KEYCLOAK="$NX_KEYCLOAK_URL" RATE="$rate" DURATION="$d" WARMUP="$WARMUP" RECEIVERS="$receivers" \
  java -Xmx512m bench/webhooks/WebhooksBench.java 2>&1 | tee -a "$BENCH_OUT/results.txt" | tee /dev/stderr)
res=$(printf '%s\n' "$out" | grep '^RESULT' || die "no RESULT from the bench (above)")
figure "P9 webhooks at ${rate} writes/s, $receivers receivers: write -> webhook p50 $(result p50 "$res") ms p99 $(result p99 "$res") ms;" \
  "write -> SSE p50 $(result sse_p50 "$res") ms p99 $(result sse_p99 "$res") ms; ratio of p99s $(result ratio "$res") (target <= 2);" \
  "webhooks $(result received "$res")/$(result expected "$res"), duplicates $(result duplicates "$res")," \
  "signature failures $(result sigfail "$res")"
