#!/usr/bin/env bash
# Sets up, builds and runs Retort. With no arguments it opens the desktop
# application on the bundled demo project (the application copies it to a
# writable place on first run, so it can be migrated and reset); without a
# display it shows the demo from the command line instead (status and history)
# and writes a screenshot of the window. Arguments go to retort as they are.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
retort="$root/build/app/retort"
if [ "$#" -gt 0 ]; then
  exec "$retort" "$@"
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$retort" gui
fi
demo="${XDG_DATA_HOME:-$HOME/.local/share}/retort/demo-cli"
if [ ! -f "$demo/alembic.ini" ]; then
  mkdir -p "$demo"
  cp -r "$root/resources/demo/." "$demo/"
fi
cd "$demo"
echo "== no display: the demo project ($demo) from the command line"
echo "== retort status"
"$retort" -c alembic.ini status || true
echo
echo "== retort history -i"
"$retort" -c alembic.ini history -i
shot="$demo/retort-demo.png"
if QT_QPA_PLATFORM=offscreen "$retort" gui --screenshot "$shot" -c alembic.ini >/dev/null 2>&1; then
  echo
  echo "== the window, rendered offscreen: $shot"
fi
