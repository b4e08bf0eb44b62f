#!/usr/bin/env bash
# Runs every ```bash block of one or more Markdown documents, in order, in one shell, against a running exchange:
#   GATEWAY=http://127.0.0.1:8080 KEYCLOAK=http://127.0.0.1:8180 docs/check-integration-guide.sh [DOCUMENT.md...]
# Without a document it runs docs/integration-guide.md; docs/practice-walkthrough/*.md is run as one walk-through.
# Fails at the first command that fails (each example checks the HTTP status it shows), naming the document's line.
# CI runs it through the system tests IntegrationGuideTest and PracticeWalkthroughTest, against the whole suite on
# random ports.
set -euo pipefail
if [ $# -eq 0 ]; then
  set -- "$(cd "$(dirname "$0")" && pwd)/integration-guide.md"
fi
# the documents work in a directory of their own under $TMPDIR (responses, a 1 MiB body): all of it goes afterwards
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
script="$work/documents.sh"

# Stop at the first failure and say where (the last block started is named before each block runs); leave no `curl -N`
# running behind.
echo "set -Eeuo pipefail; trap 'echo \"FAILED: \$NX_DOCUMENT line \$((NX_BLOCK_LINE + LINENO - NX_BLOCK_START))\" >&2' ERR; trap 'kill \$(jobs -p) 2>/dev/null || true' EXIT" > "$script"
for document in "$@"; do
  awk -v name="$(basename "$document")" '
    /^```bash[[:space:]]*$/ { inside = 1; blocks++; print "NX_DOCUMENT=" name "; NX_BLOCK_LINE=" NR "; NX_BLOCK_START=$LINENO; echo \"--- " name " line " NR "\""; next }
    inside && /^```[[:space:]]*$/ { inside = 0; next }
    inside { print; next }
    END {
      if (inside) { print "echo \"" name ": a bash block is not closed\" >&2; exit 1" }
      print "echo \"" name ": all " blocks " blocks passed\""
    }
  ' "$document" >> "$script"
done

TMPDIR="$work" bash "$script"
