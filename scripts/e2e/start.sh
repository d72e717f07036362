#!/usr/bin/env bash
# Starts a fresh code-server on 127.0.0.1:$KUBELAB_E2E_PORT (default 8731) with
# its own user-data, extensions, HOME, XDG and TMPDIR under $E2E/run, installs
# $E2E/kubelab.vsix and opens a copy of test/e2e/workspace (quick fixes edit it).
# Waits for /healthz; writes $RUN/code-server.pid (also its process group).
set -euo pipefail
source "$(dirname "$0")/env.sh"
if [ -f "$RUN/code-server.pid" ] && kill -0 "$(cat "$RUN/code-server.pid")" 2>/dev/null; then
  echo "code-server already running (pid $(cat "$RUN/code-server.pid")); run scripts/e2e/stop.sh first" >&2
  exit 1
fi
[ -x "$CS" ] || { echo "code-server missing: run scripts/e2e/install.sh" >&2; exit 1; }
[ -f "$VSIX" ] || { echo "$VSIX missing: run scripts/e2e/package.sh" >&2; exit 1; }

rm -rf "$RUN"
mkdir -p "$RUN"/{user-data/User,extensions,home,xdg-config,xdg-data,tmp}
cp -r "$ROOT/test/e2e/workspace" "$RUN/workspace"
cat > "$RUN/config.yaml" <<YAML
bind-addr: 127.0.0.1:$E2E_PORT
auth: none
cert: false
YAML
# Quiet, offline, deterministic workbench: no telemetry, updates, welcome page,
# trust prompt or restored windows. The Red Hat YAML extension is not installed,
# so every YAML diagnostic and hover comes from kubelab.
cat > "$RUN/user-data/User/settings.json" <<'JSON'
{
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "workbench.startupEditor": "none",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "security.workspace.trust.enabled": false,
  "chat.commandCenter.enabled": false,
  "json.schemaDownload.enable": false,
  "window.restoreWindows": "none",
  "git.enabled": false,
  "git.openRepositoryInParentFolders": "never",
  "editor.lightbulb.enabled": "on",
  "editor.hover.delay": 100
}
JSON
export EXTENSIONS_GALLERY='{}'   # no (unreachable) marketplace lookups
export HOME=$RUN/home XDG_CONFIG_HOME=$RUN/xdg-config XDG_DATA_HOME=$RUN/xdg-data TMPDIR=$RUN/tmp
unset PORT
COMMON=(--config "$RUN/config.yaml" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")
"$CS" "${COMMON[@]}" --install-extension "$VSIX" --force > "$RUN/install-extension.log" 2>&1 \
  || { cat "$RUN/install-extension.log"; exit 1; }
"$CS" "${COMMON[@]}" --list-extensions --show-versions

# setsid: the server and its extension host / language server share one
# process group that stop.sh can end without touching anything else.
setsid "$CS" "${COMMON[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened "$RUN/workspace" \
  > "$RUN/code-server.log" 2>&1 < /dev/null &
echo $! > "$RUN/code-server.pid"
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$E2E_PORT/healthz" >/dev/null 2>&1 && break
  if ! kill -0 "$(cat "$RUN/code-server.pid")" 2>/dev/null; then
    cat "$RUN/code-server.log"; echo "code-server exited" >&2; exit 1
  fi
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$E2E_PORT/healthz" >/dev/null
echo "code-server pid $(cat "$RUN/code-server.pid") on http://127.0.0.1:$E2E_PORT/ workspace $RUN/workspace"
