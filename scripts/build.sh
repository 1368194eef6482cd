#!/usr/bin/env bash
# Configures and builds Retort into ./build (Release with debug info).
#
# With ccache installed (scripts/install-deps.sh installs it), compiled objects
# are kept in RETORT_CCACHE_DIR (default /var/cache/retort/ccache when writable,
# else ~/.cache/retort-ccache), outside the repository: a fresh clone of the
# same sources, wherever it is, builds from the cache in a fraction of the time.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=()
if command -v ccache >/dev/null 2>&1; then
  cache="${RETORT_CCACHE_DIR:-}"
  if [ -z "$cache" ]; then
    if mkdir -p /var/cache/retort/ccache 2>/dev/null && [ -w /var/cache/retort/ccache ]; then
      cache=/var/cache/retort/ccache
    else
      cache="$HOME/.cache/retort-ccache"
    fi
  fi
  export CCACHE_DIR="$cache"
  # Paths inside the clone are hashed relative to it, and the working
  # directory is left out, so clones in different places share the cache.
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-2G}"
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
cmake --build build --parallel
