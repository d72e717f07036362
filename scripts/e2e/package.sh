#!/usr/bin/env bash
# Builds dist/ and packages the extension as $E2E/kubelab.vsix, then lists
# what went in (.vscodeignore decides: dist/*.js, syntaxes/, package.json,
# README.md, LICENSE, docs/rules.md).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
npm run --silent build
# dist/ bundles every dependency, so node_modules is not walked (--no-dependencies).
"$VSCE" package --no-dependencies -o "$VSIX"
"$VSCE" ls --no-dependencies
