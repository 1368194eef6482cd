#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds Retort and runs every test
# (unit, CLI, and conformance against the real Alembic).
#
# The Debian 13 chroot stage (scripts/test-debian13.sh: Qt 6.8, KSyntaxHighlighting
# required) runs when RETORT_WITH_DEBIAN13=1: it is not yet green there (Alembic 1.13
# and Python 3.13 differ from the 1.8.1 reference in ways the suites still have to
# account for), so it is not part of the default run yet.
# Tests labelled "wip" (the write-path end-to-end suite, still being completed) are
# left out unless RETORT_WITH_WIP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
exclude=(-LE wip)
if [ -n "${RETORT_WITH_WIP:-}" ]; then exclude=(); fi
debian12=0
ctest --test-dir build --output-on-failure --timeout 1800 -j2 "${exclude[@]}" || debian12=$?
if [ -z "${RETORT_WITH_DEBIAN13:-}" ]; then
  exit "$debian12"
fi
echo "== Debian 12 stage: $([ "$debian12" = 0 ] && echo passed || echo "FAILED ($debian12)"); now the Debian 13 chroot stage" >&2
debian13=0
./scripts/test-debian13.sh || debian13=$?
echo "== Debian 12: $([ "$debian12" = 0 ] && echo passed || echo FAILED)," \
     "Debian 13: $([ "$debian13" = 0 ] && echo passed || echo FAILED)" >&2
[ "$debian12" = 0 ] && [ "$debian13" = 0 ]
