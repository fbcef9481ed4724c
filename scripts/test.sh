#!/usr/bin/env bash
# The whole test suite: .NET tests (Release, as CI builds) and the VS Code extension's tests and package.
# README's quick start and .ci/run call exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet_status=0
dotnet test TwinLang.sln -c Release 2>&1 | tee "$log" || dotnet_status=$?

ext_status=0
if [ -f vscode-extension/scripts/ci.sh ]; then
  bash vscode-extension/scripts/ci.sh 2>&1 | tee -a "$log" || ext_status=$?
fi

# One closing line over every .NET test project ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, ...").
awk '/(Passed|Failed)! +- +Failed: / {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { gsub(",", "", p); printf "dotnet: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"

[ "$dotnet_status" -eq 0 ] && [ "$ext_status" -eq 0 ]
