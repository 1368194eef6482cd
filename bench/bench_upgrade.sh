#!/bin/sh
# Write-path benchmark: `upgrade heads` of a generated history on an empty
# database, three ways:
#
#   retort   `retort upgrade heads --no-backup`
#   alembic  `/usr/bin/python3 -m alembic upgrade heads`
#   sqlite3  `sqlite3 db < script`, the script being `alembic upgrade heads --sql`
#            (generated beforehand, not timed); when Alembic cannot write the
#            script offline, Retort's `upgrade heads --sql` is used and the
#            report says so.
#
#   bench/bench_upgrade.sh [RETORT_BINARY]      (default: build/app/retort)
#
# Environment: REVISIONS (default 5000), BRANCH_EVERY (default: the generator's),
# RUNS (default 1; the median is reported), KEEP=1 keeps the work directory.
# Wall time and CPU time (user + system, with /usr/bin/time) are reported: on a
# busy disk the wall time of all three is dominated by fsync at each commit.
# Each run starts from a new empty (0-byte) database file. The three results are
# checked against each other (same tables, same alembic_version rows). Not part
# of ctest.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
python=/usr/bin/python3
generator=$src/tests/conformance/gen_alembic_history.py
revisions=${REVISIONS:-5000}
runs=${RUNS:-1}

retort=${1:-build/app/retort}
if [ ! -x "$retort" ] && [ -x "$src/$retort" ]; then
    retort=$src/$retort
fi
if [ ! -x "$retort" ]; then
    echo "bench_upgrade: retort binary '$retort' not found (build it, or pass its path)" >&2
    exit 2
fi
retort=$(cd "$(dirname "$retort")" && pwd)/$(basename "$retort")
if ! "$python" -c 'import alembic' 2>/dev/null; then
    echo "bench_upgrade: $python cannot import alembic (apt install python3-alembic)" >&2
    exit 2
fi
command -v sqlite3 >/dev/null 2>&1 || { echo "bench_upgrade: sqlite3 is missing (apt install sqlite3)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/retort-bench-upgrade.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "keeping $work"
else
    trap 'rm -rf "$work"' EXIT INT TERM
fi

project=$work/project
set -- "$project" --revisions "$revisions"
[ -n "${BRANCH_EVERY:-}" ] && set -- "$@" --branch-every "$BRANCH_EVERY"
"$python" "$generator" "$@" >/dev/null
cd "$project"
# Alembic's database: the one named in alembic.ini
sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///%(here)s/alembic.db|' alembic.ini

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
unset PYTHONHASHSEED PYTHONDONTWRITEBYTECODE

now_ns() { date +%s%N; }
cpu_file=/dev/null

# Wall seconds (3 decimals) taken by "$@", printed; its CPU seconds (user + system,
# from /usr/bin/time when installed) are appended to the file named by $cpu_file.
# The command's output goes to $work/last.out / last.err.
timed() {
    t0=$(now_ns)
    if [ -x /usr/bin/time ]; then
        if /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >"$work/last.out" 2>"$work/last.err"; then status=0; else status=$?; fi
    else
        echo "0 0" >"$work/cpu"
        if "$@" >"$work/last.out" 2>"$work/last.err"; then status=0; else status=$?; fi
    fi
    t1=$(now_ns)
    if [ "$status" != 0 ]; then
        echo "bench_upgrade: '$*' failed with status $status:" >&2
        tail -n 5 "$work/last.err" >&2
        exit 1
    fi
    tail -n 1 "$work/cpu" | awk '{ printf "%.3f\n", $1 + $2 }' >>"$cpu_file"
    awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

median() { sort -n | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.3f\n", m }'; }

# Warm-up: Python writes its byte-code cache for the 5000 revision files, as it
# would for a real project (not timed).
"$python" -m alembic -c alembic.ini heads >/dev/null 2>&1

# The offline script for the sqlite3 baseline.
script_source="alembic upgrade heads --sql"
if ! "$python" -m alembic -c alembic.ini upgrade heads --sql >"$work/upgrade.sql" 2>"$work/alembic-sql.err"; then
    script_source="retort upgrade heads --sql (Alembic could not write it offline: $(grep -m1 -o 'FAILED.*\|ERROR.*' "$work/alembic-sql.err" | cut -c1-120))"
    "$retort" -c alembic.ini upgrade heads --sql >"$work/upgrade.sql"
fi
statements=$(grep -c ';$' "$work/upgrade.sql" || true)

: >"$work/t.retort"; : >"$work/t.alembic"; : >"$work/t.sqlite3"
: >"$work/c.retort"; : >"$work/c.alembic"; : >"$work/c.sqlite3"
i=0
while [ "$i" -lt "$runs" ]; do
    rm -f retort.db* alembic.db* sqlite3.db*
    : >retort.db; : >alembic.db; : >sqlite3.db
    cpu_file=$work/c.retort timed "$retort" -c alembic.ini --db retort.db upgrade heads --no-backup >>"$work/t.retort"
    cpu_file=$work/c.alembic timed "$python" -m alembic -c alembic.ini upgrade heads >>"$work/t.alembic"
    cpu_file=$work/c.sqlite3 timed sqlite3 -bail sqlite3.db ".read $work/upgrade.sql" >>"$work/t.sqlite3"
    i=$((i + 1))
done

# The three databases must agree.
summary() {
    printf '%s tables, rows: %s' \
        "$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type = 'table'")" \
        "$(sqlite3 "$1" 'SELECT group_concat(version_num, " ") FROM (SELECT version_num FROM alembic_version ORDER BY 1)')"
}
s_retort=$(summary retort.db); s_alembic=$(summary alembic.db); s_sqlite3=$(summary sqlite3.db)
if [ "$s_retort" != "$s_alembic" ] || [ "$s_sqlite3" != "$s_alembic" ]; then
    echo "warning: the databases differ: retort ($s_retort), alembic ($s_alembic), sqlite3 ($s_sqlite3)" >&2
fi

rt=$(median <"$work/t.retort"); at=$(median <"$work/t.alembic"); st=$(median <"$work/t.sqlite3")
rc=$(median <"$work/c.retort"); ac=$(median <"$work/c.alembic"); sc=$(median <"$work/c.sqlite3")
echo "upgrade heads of a $revisions-revision history on an empty database (median of $runs run(s); $s_alembic)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown); $(nproc 2>/dev/null || echo '?') CPUs"
printf '%-40s %10s %10s\n' "how" "wall" "CPU"
printf '%-40s %8.3f s %8.3f s\n' "retort upgrade heads --no-backup" "$rt" "$rc"
printf '%-40s %8.3f s %8.3f s\n' "alembic upgrade heads" "$at" "$ac"
printf '%-40s %8.3f s %8.3f s\n' "sqlite3 db < script ($statements statements)" "$st" "$sc"
echo "script: $script_source"
awk -v r="$rt" -v a="$at" -v s="$st" -v rc="$rc" -v ac="$ac" 'BEGIN {
    printf "\nwall: retort is %.1fx faster than alembic; retort / plain sqlite3 = %.2f\n", (r > 0 ? a / r : 0), (s > 0 ? r / s : 0)
    printf "CPU:  retort uses %.1fx less than alembic\n", (rc > 0 ? ac / rc : 0)
}'
