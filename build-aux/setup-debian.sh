#!/usr/bin/env bash
# Installs every Debian 12 package Pacta needs to build, run and test.
# Idempotent: packages already present are left alone; apt is only called when something is missing.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libxml2-dev libxml2-utils libsqlite3-dev libcairo2-dev libpango1.0-dev libjson-glib-dev
  libstemmer-dev libpoppler-glib-dev libarchive-dev poppler-utils iso-codes
  xvfb xauth desktop-file-utils appstream
  fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
