#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Retort and runs every test
# (unit, CLI, and conformance against the real Alembic).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --test-dir build --output-on-failure --timeout 1800 -j2
