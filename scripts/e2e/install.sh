#!/usr/bin/env bash
# Installs the end-to-end toolchain: Debian's chromium and ripgrep, vsce into
# .e2e/tools, and code-server (a real VS Code 1.100 workbench + server) into
# .e2e/code-server -- outside the project's package.json, so `npm ci` stays
# small and offline-safe. Idempotent. Recipe: shared design/vscode-e2e.md §1
# (three workarounds, all needed).
set -euo pipefail
source "$(dirname "$0")/env.sh"
CS_VERSION=4.100.3        # last code-server on npm whose engines.node is 20
RG_PKG_VERSION=1.15.11    # @vscode/ripgrep pinned by code-server 4.100.3's lib/vscode
RG_TAG=v13.0.0-10         # the ripgrep release that @vscode/ripgrep 1.15.11 downloads
VSCE_VERSION=3.9.2        # 4.x needs Node 22
RG=$E2E/code-server/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg

mkdir -p "$E2E"
# The folder holds only generated state; keep it out of git without editing the root .gitignore.
echo '*' > "$E2E/.gitignore"

need=()
for p in chromium ripgrep libkrb5-dev python3 make g++ curl; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

# Installs one pinned package into its own folder under $E2E.
install_into() {
  local dir=$1; shift
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo "{\"name\":\"kubelab-e2e-$(basename "$dir")\",\"private\":true}" > "$dir/package.json"
  (cd "$dir" && npm install --no-package-lock --no-audit --no-fund "$@")
}

# vsce's optional native keytar is only for publishing; skipping it keeps the install offline.
[ -x "$VSCE" ] || install_into "$E2E/tools" --omit=optional "@vscode/vsce@$VSCE_VERSION"

# XDG_*: `code-server --version` would otherwise write ~/.config/code-server/config.yaml.
cs_version() { XDG_CONFIG_HOME=$E2E/tmp XDG_DATA_HOME=$E2E/tmp "$CS" --version | tail -1; }
if [ -x "$CS" ] && [ -x "$RG" ]; then
  echo "code-server $(cs_version)"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads from GitHub; if its cache file
# $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-<target>.tar.gz exists it untars that instead.
export TMPDIR=$E2E/tmp
CACHE=$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION
mkdir -p "$CACHE"
tar czf "$CACHE/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

# unsafe_perm: code-server's postinstall refuses to run as root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, which an npmrc `yes=false` would cancel.
npm_config_unsafe_perm=true npm_config_yes=true install_into "$E2E/code-server" --foreground-scripts "code-server@$CS_VERSION"
echo "code-server $(cs_version)"
test -x "$RG"
