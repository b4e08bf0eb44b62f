#!/usr/bin/env bash
# Lints the API documents the exchange publishes, failing on any error:
#   - docs/asyncapi.yaml with the AsyncAPI CLI (`asyncapi validate`), failing on warnings too (it has none);
#   - the combined OpenAPI document of the running suite (all services in one document, as /q/openapi serves it)
#     with Redocly CLI and docs/lint/redocly.yaml. The system test IntegrationGuideTest saves it to
#     system-tests/target/combined-openapi.json; another file can be named as the first argument.
# The linters (versions pinned in docs/lint/package-lock.json) are installed once per lockfile into
# ~/.cache/neglect-exchange/npm (NX_CACHE_DIR), shared by clones; needs node and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
openapi=${1:-$root/system-tests/target/combined-openapi.json}
lint="$root/docs/lint"
cache="${NX_CACHE_DIR:-$HOME/.cache/neglect-exchange}/npm"

if [ ! -s "$openapi" ]; then
  echo "docs/lint.sh: no combined OpenAPI document at $openapi: the system test IntegrationGuideTest writes it" \
    "(./mvnw verify from the project root)" >&2
  exit 1
fi

# Redocly CLI 2 needs Node.js 20.19 or later (the AsyncAPI CLI asks for 24 but runs on 20)
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "docs/lint.sh: Node.js $(node --version) is too old: 20 or later needed" >&2; exit 1; }

tools="$cache/docs-lint-$(cat "$lint/package.json" "$lint/package-lock.json" | sha256sum | cut -c1-16)"
if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -x "$tools/node_modules/.bin/asyncapi" ]; then
  echo "docs/lint.sh: installing the linters into $tools"
  mkdir -p "$cache"
  staging=$(mktemp -d "$tools.XXXXXX")
  cp "$lint/package.json" "$lint/package-lock.json" "$staging/"
  # --ignore-scripts: the AsyncAPI CLI's postinstall would add shell completion to ~/.bashrc
  (cd "$staging" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error --cache "$cache/_cacache")
  # a half-installed tree never counts as installed; if a parallel run got there first, keep its copy
  mv -T "$staging" "$tools" 2>/dev/null || rm -rf "$staging"
fi

# no usage metrics sent, no update notices, nothing written to the home directory
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SUPPRESS_NO_CONFIG_WARNING=true
export ASYNCAPI_METRICS_CONFIG_PATH="$tools/asyncapi-analytics.json"
[ -f "$ASYNCAPI_METRICS_CONFIG_PATH" ] ||
  echo '{"analyticsEnabled": "false", "infoMessageShown": "true", "userID": "none"}' > "$ASYNCAPI_METRICS_CONFIG_PATH"

echo "docs/lint.sh: AsyncAPI: docs/asyncapi.yaml"
"$tools/node_modules/.bin/asyncapi" validate "$root/docs/asyncapi.yaml" --fail-severity=warn
echo "docs/lint.sh: OpenAPI: $openapi"
"$tools/node_modules/.bin/redocly" lint "$openapi" --config "$lint/redocly.yaml" --format=stylish
echo "docs/lint.sh: both documents are valid"
