#!/usr/bin/env bash
# Accepts new golden-file output: reruns the baseline theory with TWINLANG_UPDATE_BASELINES=1 so every
# tests/Baselines/<Case>/ output is rewritten (missing ones created). Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
TWINLANG_UPDATE_BASELINES=1 dotnet test tests/TwinLang.Compiler.Tests "$@"
