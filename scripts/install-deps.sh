#!/usr/bin/env bash
# Installs what Retort needs to build, run and test on Debian 12 (bookworm).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

packages=(
  build-essential cmake ninja-build
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite qt6-translations-l10n libgl-dev
  python3-alembic sqlite3 libsqlite3-dev xvfb xauth time
  fonts-dejavu-core  # glyphs for offscreen GUI tests and screenshots
  debootstrap  # the Debian 13 chroot stage of scripts/test.sh
  ccache       # compiled objects kept between CI runs (scripts/build.sh)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
