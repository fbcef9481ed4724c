#!/usr/bin/env bash
# CI for the VS Code extension: clean install from the lockfile, bundle, test, package.
# Exits non-zero on the first failure. Run from anywhere; works in vscode-extension/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Baselines are only accepted by hand, never in CI.
unset TWINLANG_UPDATE_BASELINES

log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== npm ci"
npm ci --no-audit --no-fund
echo "== npm run build"
npm run build
echo "== npm test"
npm test 2>&1 | tee "$log"
echo "== npm run test:e2e (twin lsp, Release build of src/TwinLang.Cli)"
dotnet build ../src/TwinLang.Cli -c Release --nologo -v q
TWINLANG_SERVER="$(pwd)/../src/TwinLang.Cli/bin/Release/net10.0/twin.dll" npm run test:e2e 2>&1 | tee -a "$log"
echo "== npm run package"
npm run package 2>&1 | tee -a "$log"

# One closing line over all node test runs (unit tests, server end-to-end tests and the .vsix checks).
awk '/^# pass / { p += $3 } /^# fail / { f += $3 } END { printf "vscode-extension: %d passed, %d failed\n", p, f }' "$log"
