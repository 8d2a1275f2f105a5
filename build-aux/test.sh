#!/usr/bin/env bash
# Installs what Pacta needs (Debian 12), builds it, and runs the whole test suite:
# the `core` suite headless and the `ui` suite under xvfb-run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/setup-debian.sh
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build

status=0
meson test -C build --print-errorlogs --num-processes 2 "$@" | tee build/test-output.txt || status=$?

# One closing line that any CI reader understands, counted per test case (TAP lines).
passed=$(grep -h -E '^ok [0-9]+' build/meson-logs/testlog.txt 2>/dev/null | grep -v -c '# SKIP' || true)
failed=$(grep -h -c -E '^not ok [0-9]+' build/meson-logs/testlog.txt 2>/dev/null || true)
skipped=$(grep -h -E '^ok [0-9]+' build/meson-logs/testlog.txt 2>/dev/null | grep -c '# SKIP' || true)
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=1
fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
