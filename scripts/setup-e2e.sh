#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e/) need, idempotently, on Debian, as root, offline
# except for the npm registry and Debian apt (see /work/shared/docs/REAL-EDITOR-TESTING.md):
#   - Debian packages: chromium (driven by playwright-core; no browser is ever downloaded),
#     libkrb5-dev (code-server builds a kerberos addon), ripgrep, a C++ toolchain for node-gyp,
#     and fonts-noto-color-emoji (the posture report's state icons in screenshots);
#   - code-server 4.100.3 (VS Code 1.100.3, the newest release that accepts Node 20), pinned by
#     scripts/code-server/package-lock.json, in a cache folder outside the repository.
# `npm test` (scripts/test.mjs) runs it before the e2e tests. Quiet when everything is in place;
# on failure it prints the reason and the tail of the failing command's log, and exits non-zero.
#
# Environment:
#   BEDROCK_SECURITY_CODE_SERVER_DIR  where code-server lives
#                                     (default ${XDG_CACHE_HOME:-$HOME/.cache}/bedrock-security/code-server-4.100.3;
#                                     test/e2e/code-server.ts computes the same path)
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# @vscode/ripgrep versions whose postinstall may run (1.15.11 is the one code-server 4.100.3 pulls)
# and the ripgrep release they fetch: lib/postinstall.js of @vscode/ripgrep.
RIPGREP_PACKAGE_VERSIONS="1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14"
RIPGREP_RELEASE=v13.0.0-10

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_BASE="${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/bedrock-security"
CS_DIR="${BEDROCK_SECURITY_CODE_SERVER_DIR:-$CACHE_BASE/code-server-$CODE_SERVER_VERSION}"
STAMP="$CS_DIR/.bedrock-security-complete"
# The install is pinned by scripts/code-server/package-lock.json; the stamp records its hash, so
# a changed lock file means a new install.
LOCK="$ROOT/scripts/code-server/package-lock.json"
[ -f "$LOCK" ] || { echo "setup-e2e: $LOCK is missing" >&2; exit 1; }
LOCK_HASH="$(sha256sum "$LOCK" | cut -d' ' -f1)"
LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/bedrock-security-setup.XXXXXX")"
trap 'rm -rf "$LOG_DIR"' EXIT

fail() {
  echo "setup-e2e: $1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    echo "setup-e2e: last lines of $(basename "$2"):" >&2
    tail -n 40 "$2" | sed 's/^/  | /' >&2
  fi
  exit 1
}

# Runs a command with its output in a log file; on failure shows the log and stops.
quietly() {
  local what="$1" log="$LOG_DIR/$2.log"
  shift 2
  if ! "$@" >"$log" 2>&1; then fail "$what failed: $*" "$log"; fi
}

# --- 1. Debian packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
command -v rg >/dev/null || missing+=(ripgrep)
dpkg-query -W -f='${Status}' fonts-noto-color-emoji 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-color-emoji)
command -v make >/dev/null || missing+=(make)
command -v g++ >/dev/null || missing+=(g++)
command -v python3 >/dev/null || missing+=(python3)
command -v tar >/dev/null || missing+=(tar)
# Headless Neovim: a second real LSP client (test/lsp/neovim.test.ts).
command -v nvim >/dev/null || missing+=(neovim)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing Debian packages (${missing[*]}) and not root: run 'apt-get install ${missing[*]}' as root"
  command -v apt-get >/dev/null || fail "missing packages (${missing[*]}) and no apt-get: this script supports Debian only"
  echo "setup-e2e: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  quietly "apt-get update" apt-update apt-get -o DPkg::Lock::Timeout=600 update
  quietly "apt-get install" apt-install apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
fi
/usr/bin/chromium --version >/dev/null 2>&1 || fail "/usr/bin/chromium does not start ('/usr/bin/chromium --version' failed)"

# --- 2. playwright-core (a devDependency; drives /usr/bin/chromium, never downloads a browser) ---
(cd "$ROOT" && node -e "require.resolve('playwright-core')" >/dev/null 2>&1) ||
  fail "playwright-core is not installed in $ROOT/node_modules: run 'npm ci' first"

# --- 3. code-server ---------------------------------------------------------------------------
installed() { [ "$(cat "$STAMP" 2>/dev/null)" = "$LOCK_HASH" ] && [ -x "$CS_DIR/node_modules/.bin/code-server" ]; }
installed && exit 0
[ "$(node -p 'process.versions.node.split(".")[0]')" = 20 ] ||
  fail "code-server $CODE_SERVER_VERSION needs Node 20; this is Node $(node -v)"

mkdir -p "$(dirname "$CS_DIR")"
# One installer at a time (two test runs may start together); the second one reuses the result.
exec 9>"$CS_DIR.lock"
flock 9
installed && exit 0
echo "setup-e2e: installing code-server $CODE_SERVER_VERSION into $CS_DIR (2-3 minutes, once)"
START=$(date +%s)

# @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here; it first
# looks for the release tarball in $TMPDIR/vscode-ripgrep-cache-<package version>/. A private
# TMPDIR seeded with a tarball of Debian's rg satisfies it.
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) fail "unsupported architecture $(uname -m) (x86_64 and aarch64 are supported)" ;;
esac
INSTALL_TMP="$LOG_DIR/tmp"
mkdir -p "$INSTALL_TMP/rg"
cp "$(command -v rg)" "$INSTALL_TMP/rg/rg"
for v in $RIPGREP_PACKAGE_VERSIONS; do
  mkdir -p "$INSTALL_TMP/vscode-ripgrep-cache-$v"
  tar czf "$INSTALL_TMP/vscode-ripgrep-cache-$v/ripgrep-$RIPGREP_RELEASE-$RG_TARGET.tar.gz" -C "$INSTALL_TMP/rg" rg
done

# Install into a staging folder and move it into place only when complete, so an interrupted
# run never leaves a half-installed code-server behind.
STAGE="$CS_DIR.staging"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp "$ROOT/scripts/code-server/package.json" "$LOCK" "$STAGE/"

# Why each setting:
# - npm_config_dangerously_allow_all_scripts: npm 11 gates dependency install scripts
#   (allowScripts). code-server's postinstall runs `npm install` inside lib/vscode and
#   lib/vscode/extensions, whose package.json files we do not own, and npm rejects allow-scripts
#   lists given on the command line or in the environment for project installs (EALLOWSCRIPTS);
#   this flag is the one setting that reaches those nested installs. It is scoped to this pinned
#   code-server install in its own folder, never to the project's own `npm ci`.
# - npm_config_unsafe_perm: code-server's postinstall.sh refuses to run as root without it.
# - npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would otherwise prompt.
# - npm_config_nodedir: node-gyp builds against the installed Node headers instead of downloading
#   them from nodejs.org (unreachable); only set when the headers are there and nothing else is set.
# - npm_config_foreground_scripts: install-script output goes to the log, not a spinner.
NODE_PREFIX="$(dirname "$(dirname "$(command -v node)")")"
if [ -z "${npm_config_nodedir:-}" ] && [ -z "$(npm config get nodedir 2>/dev/null | grep -v '^null$' || true)" ] &&
  [ -f "$NODE_PREFIX/include/node/node.h" ]; then
  export npm_config_nodedir="$NODE_PREFIX"
fi
(
  cd "$STAGE"
  export TMPDIR="$INSTALL_TMP" CI=true
  export npm_config_dangerously_allow_all_scripts=true npm_config_unsafe_perm=true npm_config_yes=true
  export npm_config_foreground_scripts=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  npm ci --no-audit --no-fund
) >"$LOG_DIR/code-server-install.log" 2>&1 || fail "npm ci of code-server $CODE_SERVER_VERSION (scripts/code-server/) failed" "$LOG_DIR/code-server-install.log"

# The native parts the workbench needs at run time: check them now rather than in a failing test.
VS="$STAGE/node_modules/code-server/lib/vscode"
for f in \
  "$STAGE/node_modules/.bin/code-server" \
  "$VS/node_modules/@vscode/ripgrep/bin/rg" \
  "$VS/node_modules/node-pty/build/Release/pty.node" \
  "$VS/node_modules/kerberos/build/Release/kerberos.node" \
  "$VS/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
  "$VS/extensions/node_modules"; do
  [ -e "$f" ] || fail "code-server install is incomplete: $f is missing" "$LOG_DIR/code-server-install.log"
done
# code-server writes a config file and logs under the XDG folders even for --version: keep them private.
XDG_CONFIG_HOME="$LOG_DIR/xdg-config" XDG_DATA_HOME="$LOG_DIR/xdg-data" \
  "$STAGE/node_modules/.bin/code-server" --version >"$LOG_DIR/version.log" 2>&1 ||
  fail "code-server does not start" "$LOG_DIR/version.log"

rm -rf "$CS_DIR"
mv "$STAGE" "$CS_DIR"
# The .bin link is relative, so the moved folder keeps working.
echo "$LOCK_HASH" >"$STAMP"
echo "setup-e2e: code-server $CODE_SERVER_VERSION ready in $(($(date +%s) - START)) s"
