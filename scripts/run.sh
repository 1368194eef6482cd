#!/usr/bin/env bash
# Sets up, builds and runs Retort. With no arguments it shows the bundled demo
# project (a copy in a writable place, so it can be migrated and reset);
# arguments are passed to retort as they are.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
retort="$root/build/app/retort"
if [ "$#" -gt 0 ]; then
  exec "$retort" "$@"
fi
demo="${XDG_DATA_HOME:-$HOME/.local/share}/retort/demo"
if [ ! -f "$demo/alembic.ini" ]; then
  mkdir -p "$demo"
  cp -r "$root/resources/demo/." "$demo/"
fi
cd "$demo"
echo "== retort status  (demo project in $demo)"
"$retort" -c alembic.ini status || true
echo
echo "== retort history -i"
"$retort" -c alembic.ini history -i
