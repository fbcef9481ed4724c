#!/usr/bin/env bash
# Accepts new golden-file output: reruns every test that compares against golden files with
# TWINLANG_UPDATE_BASELINES=1, so their files under tests/Baselines/ are rewritten (missing ones created).
# Review the diff before committing. Extra arguments go to each `dotnet test` (e.g. --filter Valid_Units).
set -euo pipefail
cd "$(dirname "$0")/.."
for project in tests/TwinLang.Compiler.Tests tests/TwinLang.Emit.Tests tests/TwinLang.Runtime.Tests; do
  TWINLANG_UPDATE_BASELINES=1 dotnet test "$project" "$@"
done
