#!/usr/bin/env bash
# Runs every ```bash block of docs/integration-guide.md, in order, in one shell, against a running exchange:
#   GATEWAY=http://127.0.0.1:8080 KEYCLOAK=http://127.0.0.1:8180 docs/check-integration-guide.sh
# Fails at the first command that fails (each example checks the HTTP status it shows), naming the guide's line.
# CI runs it through the system test IntegrationGuideTest (system-tests), against the whole suite on random ports.
set -euo pipefail
guide="$(cd "$(dirname "$0")" && pwd)/integration-guide.md"
# the guide works in a directory of its own under $TMPDIR (responses, a 1 MiB body): all of it goes afterwards
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
script="$work/integration-guide.sh"

# Every line outside a bash block becomes an empty line, so the script's line numbers are the guide's. Line 1 (the
# title) carries the shell options and traps instead: stop at the first failure and say where; leave no `curl -N`
# running behind.
name=$(basename "$guide")
header="set -Eeuo pipefail; trap 'echo \"FAILED: $name line \$LINENO\" >&2' ERR; trap 'kill \$(jobs -p) 2>/dev/null || true' EXIT"
awk -v name="$name" -v header="$header" '
  NR == 1 { print header; next }
  /^```bash[[:space:]]*$/ { inside = 1; blocks++; print "echo \"--- " name " line " NR "\""; next }
  inside && /^```[[:space:]]*$/ { inside = 0; print ""; next }
  inside { print; next }
  { print "" }
  END {
    if (inside) { print "echo \"" name ": a bash block is not closed\" >&2; exit 1" }
    print "echo \"" name ": all " blocks " blocks passed\""
  }
' "$guide" > "$script"

TMPDIR="$work" bash "$script"
