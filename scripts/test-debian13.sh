#!/usr/bin/env bash
# Second test stage: builds Retort and runs the whole test suite inside a
# Debian 13 (trixie) chroot, with KSyntaxHighlighting required
# (-DRETORT_REQUIRE_KSYNTAXHIGHLIGHTING=ON).
#
# The chroot is a cache outside the repository, created with debootstrap on the
# first run and reused afterwards:
#   RETORT_CHROOT_DIR     chroot directory (default /var/cache/retort/debian13-chroot)
#   RETORT_DEBIAN_MIRROR  Debian mirror (default http://deb.debian.org/debian)
#   RETORT_DEBIAN_SECURITY_MIRROR  (default http://deb.debian.org/debian-security)
#   RETORT_CHROOT_FRESH_BUILD=1  wipe the chroot's build directory first
# Arguments are passed to ctest (e.g. -R tst_projectconfig).
#
# The reference behaviour is still Debian 12's (Alembic 1.8.1, Python 3.11,
# SQLAlchemy 1.4); where trixie's versions legitimately differ, the suites
# compare modulo exactly that difference, documented where it is made:
#   - Python 3.13 cleans docstrings when compiling (CPython gh-81283):
#     tests/conformance/alembic_sorted.py, tests/tst_pythonliteralparser.cpp
#   - Alembic 1.13.1 leaves fewer version rows after some downgrades across
#     depends_on (sqlalchemy/alembic#1373); Retort writes the fixed rows, and
#     tests/conformance/alembic_sorted.py gives Debian 12's 1.8.1 the fix too
#   - SQLAlchemy 2.0 parenthesises fewer server defaults, and its offline version
#     INSERT ends in RETURNING: tests/tst_translatorconformance.cpp,
#     tests/e2e/write_conformance.py
#   - tests/data/resolver/expectations.json records Alembic 1.8.1 as its maker:
#     tests/data/resolver/expectations.py --check
#
# Creation is atomic: the tree is built in "$RETORT_CHROOT_DIR.new" and renamed
# only once every package is installed, so an interrupted creation is redone.
# When the package list below changes, the missing packages are installed into
# the existing chroot. Every mount (/proc, /sys, /dev) is made in a private mount
# namespace, so none is ever visible to, or left behind on, the host.
# Exit status: the result of the build and ctest inside the chroot.
set -euo pipefail

SUITE=trixie
CHROOT_DIR="${RETORT_CHROOT_DIR:-/var/cache/retort/debian13-chroot}"
MIRROR="${RETORT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${RETORT_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
SRC_IN_CHROOT=/retort/src
BUILD_IN_CHROOT=/retort/build
HOME_IN_CHROOT=/root

# What the chroot needs to build and test Retort (trixie package names).
PACKAGES=(
  build-essential cmake ninja-build
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite qt6-translations-l10n libkf6syntaxhighlighting-dev
  libgl-dev fonts-dejavu-core
  libsqlite3-dev python3-alembic sqlite3 time xvfb xauth
)

say() { printf '[debian13] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
self="$root/scripts/$(basename "${BASH_SOURCE[0]}")"

# --- privileges, host tools, private mount namespace -------------------------
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || die "must run as root (debootstrap, chroot) and sudo is missing"
  exec sudo --preserve-env=RETORT_CHROOT_DIR,RETORT_DEBIAN_MIRROR,RETORT_DEBIAN_SECURITY_MIRROR,RETORT_CHROOT_FRESH_BUILD \
    "$self" "$@"
fi

if [ -z "${RETORT_IN_PRIVATE_MOUNTNS:-}" ]; then
  if ! command -v debootstrap >/dev/null || [ ! -e /usr/share/debootstrap/scripts/$SUITE ]; then
    say "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
  fi
  [ -e /usr/share/debootstrap/scripts/$SUITE ] || die "this debootstrap does not know $SUITE"
  # Everything below runs in a new mount namespace whose mounts are private:
  # they vanish when the script ends, however it ends (even on SIGKILL).
  export RETORT_IN_PRIVATE_MOUNTNS=1
  exec unshare --mount --propagation private -- "$self" "$@"
fi

case "$CHROOT_DIR" in
  /*) ;;
  *) die "RETORT_CHROOT_DIR must be an absolute path: $CHROOT_DIR" ;;
esac
CHROOT_DIR="${CHROOT_DIR%/}"
case "$CHROOT_DIR/" in
  "$root"/*) die "the chroot must be outside the repository: $CHROOT_DIR" ;;
  /|/usr/*|/etc/*|/bin/*|/lib*) die "refusing chroot directory $CHROOT_DIR" ;;
esac
mkdir -p "$(dirname "$CHROOT_DIR")"

# One run at a time per chroot.
exec 9>"$CHROOT_DIR.lock"
if ! flock -n 9; then
  say "waiting for another run using $CHROOT_DIR"
  flock 9
fi

# --- mounts (private namespace; also unmounted explicitly on exit) -----------
mounted=()
mount_into() { # $1 = chroot
  local c="$1"
  mount -t proc proc "$c/proc" && mounted=("$c/proc" "${mounted[@]}")
  mount -t sysfs -o ro sysfs "$c/sys" && mounted=("$c/sys" "${mounted[@]}")
  mount --rbind /dev "$c/dev" && mounted=("$c/dev" "${mounted[@]}")
}
unmount_all() {
  local m
  for m in "${mounted[@]}"; do
    umount -R "$m" 2>/dev/null || umount -R -l "$m" 2>/dev/null || true
  done
  mounted=()
}
trap unmount_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Removes a directory tree, never crossing into a mount point.
remove_tree() {
  local d="$1"
  [ -e "$d" ] || return 0
  if awk -v d="$d" '$5 == d || index($5, d "/") == 1 { found = 1 } END { exit !found }' \
      /proc/self/mountinfo; then
    die "something is mounted under $d; unmount it first"
  fi
  rm -rf --one-file-system -- "$d"
}

in_chroot() { # $1 = chroot, rest = command
  local c="$1"; shift
  chroot "$c" /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME="$HOME_IN_CHROOT" LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive \
    "$@"
}

packages_hash() { printf '%s\n' "$SUITE" "${PACKAGES[@]}" | sort | sha256sum | cut -d' ' -f1; }
STATE=var/lib/retort-chroot   # inside the chroot
want_hash="$(packages_hash)"

install_packages() { # $1 = chroot
  local c="$1"
  cp /etc/resolv.conf "$c/etc/resolv.conf" 2>/dev/null || true
  mount_into "$c"
  in_chroot "$c" apt-get update -qq
  in_chroot "$c" apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  in_chroot "$c" apt-get clean
  unmount_all
  mkdir -p "$c/$STATE"
  printf '%s\n' "${PACKAGES[@]}" >"$c/$STATE/packages"
  echo "$want_hash" >"$c/$STATE/packages.sha256"
}

t0=$SECONDS

# --- create the chroot (atomically) ------------------------------------------
if [ -e "$CHROOT_DIR" ] && [ ! -f "$CHROOT_DIR/$STATE/complete" ]; then
  say "$CHROOT_DIR is incomplete; recreating it"
  remove_tree "$CHROOT_DIR"
fi
if [ ! -e "$CHROOT_DIR" ]; then
  new="$CHROOT_DIR.new"
  remove_tree "$new"   # leftover of an interrupted creation
  say "creating the Debian 13 chroot in $CHROOT_DIR (debootstrap $SUITE from $MIRROR)"
  log="$CHROOT_DIR.debootstrap.log"
  if ! debootstrap --variant=minbase "$SUITE" "$new" "$MIRROR" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    [ -f "$new/debootstrap/debootstrap.log" ] && tail -n 30 "$new/debootstrap/debootstrap.log" >&2
    die "debootstrap failed (full log: $log)"
  fi
  cat >"$new/etc/apt/sources.list" <<EOF
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY_MIRROR $SUITE-security main
EOF
  cat >"$new/etc/apt/apt.conf.d/90retort" <<'EOF'
APT::Install-Recommends "0";
APT::Install-Suggests "0";
Acquire::Retries "3";
Dpkg::Use-Pty "0";
EOF
  # A throwaway build environment: no fsync, no documentation, never start services.
  cat >"$new/etc/dpkg/dpkg.cfg.d/90retort" <<'EOF'
force-unsafe-io
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
EOF
  printf '#!/bin/sh\nexit 101\n' >"$new/usr/sbin/policy-rc.d"
  chmod 755 "$new/usr/sbin/policy-rc.d"
  say "debootstrap done in $((SECONDS - t0)) s; installing build and test packages"
  install_packages "$new"
  touch "$new/$STATE/complete"
  mv -T "$new" "$CHROOT_DIR"
  say "chroot created in $((SECONDS - t0)) s"
elif [ "$(cat "$CHROOT_DIR/$STATE/packages.sha256" 2>/dev/null)" != "$want_hash" ]; then
  say "package list changed; installing what is missing into $CHROOT_DIR"
  install_packages "$CHROOT_DIR"
  say "packages updated in $((SECONDS - t0)) s"
else
  say "reusing $CHROOT_DIR"
fi

# --- copy the source tree (no build directories, no .git) --------------------
t1=$SECONDS
c="$CHROOT_DIR"
# Nothing left over from an earlier run: an empty home (settings) and /tmp.
HOME_IN_CHROOT=/retort/home
remove_tree "$c$HOME_IN_CHROOT"
mkdir -p "$c$HOME_IN_CHROOT"
find "$c/tmp" -mindepth 1 -xdev -delete
# The build directory is kept between runs and Ninja rebuilds whatever is newer
# than its outputs; a fresh clone (as CI makes) dates every file "now". So the
# tree is copied to a staging directory, every file dated now (tar -m), and
# every file whose content is the same as in the previous run's copy gets that
# copy's modification time back: exactly what changed is rebuilt.
staging="$c$SRC_IN_CHROOT.new"
remove_tree "$staging"
mkdir -p "$staging" "$c$BUILD_IN_CHROOT"
tar -C "$root" -cf - --exclude='./build*' --exclude=./.git --exclude=./.cache \
    --exclude='__pycache__' . | tar -C "$staging" -xmf -
if [ -d "$c$SRC_IN_CHROOT" ]; then
  in_chroot "$c" /usr/bin/python3 -B -c '
import filecmp, os, sys
old_root, new_root = sys.argv[1:3]
for directory, _, names in os.walk(new_root):
    for name in names:
        new = os.path.join(directory, name)
        old = os.path.join(old_root, os.path.relpath(new, new_root))
        if os.path.islink(new) or os.path.islink(old) or not os.path.isfile(old):
            continue
        if filecmp.cmp(old, new, shallow=False):
            kept = os.stat(old)
            os.utime(new, ns=(kept.st_atime_ns, kept.st_mtime_ns))
' "$SRC_IN_CHROOT" "$SRC_IN_CHROOT.new"
fi
remove_tree "$c$SRC_IN_CHROOT"
mv -T "$staging" "$c$SRC_IN_CHROOT"
if [ -n "${RETORT_CHROOT_FRESH_BUILD:-}" ]; then
  remove_tree "$c$BUILD_IN_CHROOT"
  mkdir -p "$c$BUILD_IN_CHROOT"
fi
say "source tree copied into the chroot ($((SECONDS - t0)) s so far)"

# --- configure, build, test inside the chroot --------------------------------
mount_into "$c"
say "building and testing in the chroot (source $SRC_IN_CHROOT, build $BUILD_IN_CHROOT)"
status=0
in_chroot "$c" /bin/bash -euo pipefail -c '
  src="$1"; build="$2"; shift 2
  cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DRETORT_REQUIRE_KSYNTAXHIGHLIGHTING=ON >/dev/null
  # Keep going after a compile error, and still run the tests that were built,
  # so that one run shows every problem; the status is a failure either way.
  built=0
  cmake --build "$build" --parallel -- -k 0 || built=$?
  [ "$built" = 0 ] || echo "[debian13] the build failed; running the tests that were built" >&2
  ctest --test-dir "$build" --output-on-failure --timeout 1800 -j2 "$@" || exit
  exit "$built"
' bash "$SRC_IN_CHROOT" "$BUILD_IN_CHROOT" "$@" || status=$?
unmount_all
if [ "$status" = 0 ]; then
  say "PASSED (build + tests $((SECONDS - t1)) s, total $((SECONDS - t0)) s)"
else
  say "FAILED with status $status (build + tests $((SECONDS - t1)) s, total $((SECONDS - t0)) s)"
fi
exit "$status"
