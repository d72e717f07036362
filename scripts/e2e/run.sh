#!/usr/bin/env bash
# The whole end-to-end check (`npm run test:e2e`): install the toolchain if
# missing, package the .vsix, start code-server, drive it with playwright-core
# and Debian's chromium, stop code-server. Screenshots: test/e2e/shots/.
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
source "$DIR/env.sh"
"$DIR/install.sh"
"$DIR/package.sh"
trap '"$DIR/stop.sh"' EXIT
"$DIR/start.sh"
cd "$ROOT"
node --import tsx --test --test-concurrency=1 test/e2e/workbench.e2e.ts
