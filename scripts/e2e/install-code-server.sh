#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, offline-safe (only the npm registry and
# Debian's archive are reachable): code-server 4.100.3 (VS Code 1.100.3, the last release
# whose engine is Node 20), Debian's chromium and playwright-core, into the gitignored
# folder .tools/ (or $1). Every part is skipped when it is already there, so CI pays the
# cold cost (about 2.5 min) once per machine (docs/vscode.md).
#
# usage: scripts/e2e/install-code-server.sh [TOOLS_DIR]
set -euo pipefail

CS_VERSION=4.100.3
PW_VERSION=1.65.1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${1:-$ROOT/.tools}
mkdir -p "$TOOLS"
TOOLS=$(cd "$TOOLS" && pwd)
CS_DIR=$TOOLS/code-server
PW_DIR=$TOOLS/playwright
# code-server writes ~/.config/code-server/config.yaml even for --version; keep it in here.
export XDG_CONFIG_HOME=$TOOLS/xdg-config
# npm 11 has no --unsafe-perm flag; the env var gets root past code-server's postinstall checks.
export npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

log() { printf '[install-code-server] %s\n' "$*"; }
# Every step gets a deadline so that a hang fails the run instead of eating CI's 90 minutes.
step() { local secs=$1; shift; timeout --kill-after=10 "$secs" "$@"; }
# usage: cached NAME VERSION DIR DONE_FILE. Succeeds (and says so) when DIR holds VERSION of NAME
# and DONE_FILE exists; otherwise empties DIR into a private npm folder and fails, so the
# caller installs. DIR/VERSION is the caller's to write last: a half-finished install is redone.
cached() {
  if [ "$(cat "$3/VERSION" 2>/dev/null || true)" = "$2" ] && [ -e "$4" ]; then
    log "$1 $2: cached in $3"
    return 0
  fi
  log "$1 $2: installing into $3"
  rm -rf "$3"
  mkdir -p "$3"
  echo '{"private":true}' > "$3/package.json"
  return 1
}

SUDO=
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    log "not root and no sudo: apt packages must already be installed"; SUDO=false; fi
fi

# --- 1. Debian packages: chromium, and the headers code-server's native modules build against.
APT_PKGS=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep build-essential python3 curl)
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine has no package lists; an old list may name versions gone from the archive.
  step 300 $SUDO apt-get update -qq
  step 600 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt: all packages present"
fi

# --- 2. code-server from npm, without its postinstall (it refuses root and fetches ripgrep from GitHub).
if ! cached code-server "$CS_VERSION" "$CS_DIR" "$CS_DIR/node_modules/.bin/code-server"; then
  (cd "$CS_DIR" && step 600 npm install --no-save --ignore-scripts --loglevel=error "code-server@$CS_VERSION")
  # argon2's prebuilt download fails offline, then it builds from source.
  (cd "$CS_DIR" && step 600 npm rebuild --loglevel=error argon2 >/dev/null)
  VS=$CS_DIR/node_modules/code-server/lib/vscode
  (cd "$VS" && step 900 npm install --omit=dev --ignore-scripts --loglevel=error)
  # @vscode/ripgrep's postinstall skips its GitHub download when bin/ exists: use Debian's rg.
  mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
  ln -sf "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
  # yes=true lets node-pty's `npx node-gyp` run despite a `yes=false` npmrc.
  (cd "$VS" && npm_config_yes=true step 900 npm rebuild --loglevel=error >/dev/null)
  # The rest of code-server's postinstall.sh, by hand.
  ln -sfn node_modules "$VS/node_modules.asar"
  (cd "$VS/bin/remote-cli" && ln -sf code-linux.sh code-server)
  (cd "$VS/bin/helpers" && ln -sf browser-linux.sh browser.sh)
  (cd "$VS/extensions" && step 600 npm install --omit=dev --loglevel=error)
  step 60 "$CS_DIR/node_modules/.bin/code-server" --version | tail -1
  # Written last: a half-finished install is redone next time.
  echo "$CS_VERSION" > "$CS_DIR/VERSION"
fi

# --- 3. playwright-core only (never `playwright`: its install downloads a browser).
if ! cached playwright-core "$PW_VERSION" "$PW_DIR" "$PW_DIR/node_modules/playwright-core/package.json"; then
  (cd "$PW_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 step 300 npm install --no-save --loglevel=error "playwright-core@$PW_VERSION")
  echo "$PW_VERSION" > "$PW_DIR/VERSION"
fi

command -v chromium >/dev/null || { log "chromium missing after install"; exit 1; }
log "ready: $CS_DIR, $PW_DIR, $(command -v chromium)"
