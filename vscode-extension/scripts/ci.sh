#!/usr/bin/env bash
# CI for the VS Code extension: clean install from the lockfile, bundle, test, package.
# Exits non-zero on the first failure. Run from anywhere; works in vscode-extension/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Baselines are only accepted by hand, never in CI.
unset TWINLANG_UPDATE_BASELINES

echo "== npm ci"
npm ci --no-audit --no-fund
echo "== npm run build"
npm run build
echo "== npm test"
npm test
echo "== npm run package"
npm run package
