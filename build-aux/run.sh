#!/usr/bin/env bash
# Installs what Pacta needs (Debian 12), builds it, and opens the window on the bundled samples.
set -euo pipefail
cd "$(dirname "$0")/.."

bash build-aux/setup-debian.sh
if [ ! -f build/build.ninja ]; then
  meson setup build
fi
meson compile -C build
exec ./build/app/pacta "$@"
