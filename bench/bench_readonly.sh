#!/bin/sh
# Read-only command benchmark: `retort heads|history` against the reference
# Alembic (`/usr/bin/python3 -m alembic heads|history`) on a generated history.
#
#   bench/bench_readonly.sh [RETORT_BINARY]      (default: build/app/retort)
#
# Environment: REVISIONS (default 5000), RUNS (default 5, at least 5 are used),
# BRANCH_EVERY (default: the generator's), KEEP=1 keeps the generated project,
# NO_HYPERFINE=1 forces the date loop.
# Wall time is the median of RUNS runs after one warm-up run (hyperfine when
# installed, else a `date +%s%N` loop); peak RSS comes from `/usr/bin/time -f %M`.
# The warm-up also lets Python write its byte-code cache, as it would for a
# real project, and fills Retort's parsed-header cache the same way (kept in
# the temporary directory: XDG_CACHE_HOME is pointed there); RETORT_NO_CACHE=1
# measures Retort without it. Not part of ctest.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
python=/usr/bin/python3
generator=$src/tests/conformance/gen_alembic_history.py
revisions=${REVISIONS:-5000}
runs=${RUNS:-5}
[ "$runs" -ge 5 ] || runs=5

retort=${1:-build/app/retort}
if [ ! -x "$retort" ] && [ -x "$src/$retort" ]; then
    retort=$src/$retort
fi
if [ ! -x "$retort" ]; then
    echo "bench_readonly: retort binary '$retort' not found (build it, or pass its path)" >&2
    exit 2
fi
retort=$(cd "$(dirname "$retort")" && pwd)/$(basename "$retort")
if ! "$python" -c 'import alembic' 2>/dev/null; then
    echo "bench_readonly: $python cannot import alembic (apt install python3-alembic)" >&2
    exit 2
fi
[ -x /usr/bin/time ] || { echo "bench_readonly: /usr/bin/time is missing (apt install time)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/retort-bench.XXXXXX")
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

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
export XDG_CACHE_HOME="$work/cache"
unset PYTHONHASHSEED PYTHONDONTWRITEBYTECODE

use_hyperfine=0
if [ "${NO_HYPERFINE:-0}" != 1 ] && command -v hyperfine >/dev/null 2>&1; then
    use_hyperfine=1
fi

# median wall time in seconds of the command "$@"
median_wall() {
    if [ "$use_hyperfine" = 1 ]; then
        json=$work/hyperfine.json
        # hyperfine runs its command through a shell; quote each word
        cmd=""
        for word in "$@"; do
            cmd="$cmd '$(printf '%s' "$word" | sed "s/'/'\\\\''/g")'"
        done
        hyperfine --style none --warmup 1 --runs "$runs" --ignore-failure \
            --export-json "$json" "$cmd" >/dev/null 2>&1
        "$python" -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$json"
    else
        "$@" >/dev/null 2>&1 || true   # warm-up
        i=0
        : >"$work/times"
        while [ "$i" -lt "$runs" ]; do
            t0=$(date +%s%N)
            "$@" >/dev/null 2>&1 || true
            t1=$(date +%s%N)
            echo $((t1 - t0)) >>"$work/times"
            i=$((i + 1))
        done
        sort -n "$work/times" | awk '{ t[NR] = $1 } END {
            m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
            printf "%.4f\n", m / 1e9 }'
    fi
}

# "peak-RSS-KiB cpu-seconds" of one run of the command "$@" (CPU time = user + sys,
# less sensitive than wall time to other load on the machine)
rss_cpu() {
    /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$work/rss" | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'
}

# sanity check: both tools agree on the head(s)
r_heads=$("$retort" -c alembic.ini heads 2>/dev/null || true)
a_heads=$("$python" -m alembic -c alembic.ini heads 2>/dev/null)
if [ "$r_heads" != "$a_heads" ]; then
    echo "warning: retort heads printed '$r_heads', alembic printed '$a_heads'" >&2
fi

results=$work/results
: >"$results"
for cmd in heads history; do
    rt=$(median_wall "$retort" -c alembic.ini "$cmd")
    rr=$(rss_cpu "$retort" -c alembic.ini "$cmd")
    at=$(median_wall "$python" -m alembic -c alembic.ini "$cmd")
    ar=$(rss_cpu "$python" -m alembic -c alembic.ini "$cmd")
    echo "$cmd $rt $rr $at $ar" >>"$results"
done

tool=$([ "$use_hyperfine" = 1 ] && echo hyperfine || echo "date loop")
echo "Read-only commands on a $revisions-revision history"
echo "(wall: median of $runs runs, $tool; peak RSS and CPU: one run under /usr/bin/time; load: $(cut -d' ' -f1-3 /proc/loadavg))"
# results line: cmd retort-wall retort-rss retort-cpu alembic-wall alembic-rss alembic-cpu
awk '
BEGIN {
    printf "%-18s %12s %12s %14s\n", "command", "median wall", "CPU", "peak RSS"
    printf "%-18s %12s %12s %14s\n", "------------------", "------------", "------------", "--------------"
}
{
    printf "%-18s %10.3f s %10.3f s %10.1f MiB\n", "retort " $1, $2, $4, $3 / 1024
    printf "%-18s %10.3f s %10.3f s %10.1f MiB\n", "alembic " $1, $5, $7, $6 / 1024
    speed[NR] = sprintf("%s: %.1fx faster (wall), %.1fx less CPU, %.1fx less memory", $1,
        ($2 > 0 ? $5 / $2 : 0), ($4 > 0 ? $7 / $4 : 0), ($3 > 0 ? $6 / $3 : 0))
}
END {
    print ""
    for (i = 1; i <= NR; i++) print "speed-up: " speed[i]
}' "$results"
