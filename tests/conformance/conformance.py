#!/usr/bin/python3
"""Conformance tests: Retort's read-only Alembic commands against the real Alembic.

For every fixture project (tests/data/projects/*), the demo project
(resources/demo) and two generated histories, this copies the project to a
temporary directory, creates databases stamped by the real Alembic at many
revisions, and compares what ``retort -c INI COMMAND`` prints (stdout and exit
status) with what ``alembic -c INI COMMAND`` prints for the same scripts and
database. The reference is Debian's python3-alembic, run through
alembic_sorted.py so that revision files are read in sorted order, as Retort
reads them.

Where Alembic iterates a Python set, its output order changes from run to run:
several branch labels inside one parenthesis, "Branches into:", "Branch
names:", the child lines printed by ``branches`` and the entries printed by
``current``. Exactly those constructs are compared order-insensitively (see
normalize()); everything else must match byte for byte.

    /usr/bin/python3 conformance.py --retort build/app/retort [-v] [--quick]
    /usr/bin/python3 conformance.py --self-check     # Alembic against Alembic

Exit status 0 when every comparison matched. Missing /usr/bin/python3, Alembic
or the retort binary is a failure, never a skip.
"""

import argparse
import collections
import concurrent.futures
import difflib
import hashlib
import itertools
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
FIXTURES_DIR = os.path.join(SOURCE_DIR, "tests", "data", "projects")
DEMO_DIR = os.path.join(SOURCE_DIR, "resources", "demo")
WRAPPER = os.path.join(HERE, "alembic_sorted.py")
GENERATOR = os.path.join(HERE, "gen_alembic_history.py")
PYTHON = "/usr/bin/python3"

# Generated projects: (name, generator arguments).
GENERATED = [
    ("gen40", ["--revisions", "40", "--branch-every", "7"]),
    ("gen120", ["--revisions", "120", "--branch-every", "10", "--seed", "other"]),
]

UNKNOWN_ID = "deadbeefcafe"
RETORT_TIMEOUT = 60

# Commands compared for every database state.
DB_COMMANDS = [
    ["current"],
    ["current", "-v"],
    ["history", "-i"],
    ["history", "-i", "-v"],
    ["show", "current"],
    ["history", "-r", "current:"],
    ["history", "-r", ":current"],
    ["history", "-i", "-r", "current:heads"],
]
DB_COMMANDS_QUICK = [
    ["current"],
    ["current", "-v"],
    ["history", "-i"],
    ["show", "current"],
    ["history", "-r", "current:"],
]

OPTS = None  # parsed command line


# --------------------------------------------------------------------------
# Output normalisation
# --------------------------------------------------------------------------

_HEAD_RE = re.compile(r"(\S+) \(([^()]*)\)")
_CHILD_RE = re.compile(r"^ +-> ")
_BLOCK_RE = re.compile(r"(?m)^(?=Rev: )")


def _sort_commas(text):
    return ", ".join(sorted(text.split(", ")))


def _command_of(argv):
    """The Alembic command name in argv (skipping global options)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("-c", "--config", "-n", "--name", "-x"):
            skip = True
            continue
        if not arg.startswith("-"):
            return arg
    return ""


def _normalize_line(line):
    if line.startswith("Branches into: ") or line.startswith("Branch names: "):
        key, value = line.split(": ", 1)
        return key + ": " + _sort_commas(value)
    # "<down> [(<deps>)] -> <rev> (<labels>) (head) ..., <doc>" or, without the
    # arrow (heads, current, branches), "<rev> (<labels>) ...": only the
    # branch-label group right after the revision id is a set.
    idx = line.find(" -> ")
    pre, rest = (line[: idx + 4], line[idx + 4 :]) if idx >= 0 else ("", line)
    m = _HEAD_RE.match(rest)
    if m and ", " in m.group(2):
        rest = "%s (%s)%s" % (m.group(1), _sort_commas(m.group(2)), rest[m.end() :])
    return pre + rest


def normalize(argv, text):
    """Make the set-ordered parts of Alembic's output order-independent."""
    lines = [_normalize_line(line) for line in text.split("\n")]
    command = _command_of(argv)
    if command == "branches":
        # the "    -> child" lines under each branch point come from a frozenset
        out, run = [], []
        for line in lines + [None]:
            if line is not None and _CHILD_RE.match(line):
                run.append(line)
                continue
            out.extend(sorted(run))
            run = []
            if line is not None:
                out.append(line)
        lines = out
    text = "\n".join(lines)
    if command == "current":
        # one entry per current head, from a set of Revision objects
        if "-v" in argv or "--verbose" in argv:
            blocks = _BLOCK_RE.split(text)
            text = blocks[0] + "".join(sorted(blocks[1:]))
        else:
            text = "".join(sorted(text.splitlines(True)))
    return text


# --------------------------------------------------------------------------
# Projects, database states and command lists
# --------------------------------------------------------------------------


class Comparison:
    def __init__(self, project, group, argv, ini="alembic.ini", state=None, kind="output"):
        self.project = project
        self.group = group
        self.argv = list(argv)
        self.ini = ini
        self.state = state  # DbState or None
        self.kind = kind  # "output" or "status"
        self.expected = None  # {"out", "err", "rc"}
        self.actual = None
        self.untouched = None  # True/False after the retort run, None if not checked
        self.expected_status = None
        self.retort_argv = None  # when Retort is asked differently from Alembic
        self.expected_from = None  # Comparison whose reference output applies

    @property
    def retort_full_argv(self):
        return self.retort_argv or self.full_argv

    @property
    def full_argv(self):
        return ["-c", self.ini] + self.argv

    @property
    def title(self):
        where = " [db: %s]" % self.state.name if self.state else ""
        how = " (retort %s)" % " ".join(self.retort_argv) if self.retort_argv else ""
        return "%s: %s%s%s" % (self.project.name, " ".join(self.argv), where, how)


class DbState:
    def __init__(self, project, name, describe, recipe):
        self.project = project
        self.name = name
        self.describe = describe
        # recipe: list of ("stamp", [revs]) / ("sql", [statements]) / ("raw", bytes)
        # or None for "no database file at all"
        self.recipe = recipe
        self.ini = "alembic.ini" if name == "project-db" else "_conf_%s.ini" % name
        self.template = None  # path of the pristine database, None = no file

    @property
    def db_path(self):
        return self.project.db_path_for(self)


VERSION_TABLE_DDL = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


class Project:
    def __init__(self, name, root):
        self.name = name
        self.root = root
        self.graph = None
        self.states = []
        self.comparisons = []
        with open(os.path.join(root, "alembic.ini"), encoding="utf-8") as f:
            self.ini_text = f.read()
        m = re.search(r"(?m)^sqlalchemy\.url\s*=\s*sqlite:///(.*?)\s*$", self.ini_text)
        # without a sqlite URL the per-state copies of alembic.ini get one
        self.url_path = m.group(1) if m else "app.db"

    # -- database paths -------------------------------------------------------
    def _resolve(self, path):
        path = path.replace("%(here)s", self.root)
        return os.path.join(self.root, path)

    def db_path_for(self, state):
        if state.name == "project-db":
            return self._resolve(self.url_path)
        return self._resolve(self._state_url_path(state.name))

    def _state_url_path(self, name):
        directory = os.path.dirname(self.url_path)
        return (directory + "/" if directory else "") + "_dbs/%s.db" % name

    def write_state_ini(self, state):
        if state.name == "project-db":
            return
        line = "sqlalchemy.url = sqlite:///" + self._state_url_path(state.name)
        text, n = re.subn(r"(?m)^sqlalchemy\.url\s*=.*$", lambda _m: line, self.ini_text)
        if n == 0:
            text = re.sub(r"(?m)^\[alembic\]\s*$", lambda _m: "[alembic]\n" + line, text, count=1)
        with open(os.path.join(self.root, state.ini), "w", encoding="utf-8") as f:
            f.write(text)

    # -- graph helpers --------------------------------------------------------
    @property
    def order(self):
        return self.graph["order"]

    @property
    def revs(self):
        return self.graph["revisions"]

    def is_ancestor(self, a, b):
        return a in self.revs[b]["ancestors"]

    def related(self, a, b):
        return a == b or self.is_ancestor(a, b) or self.is_ancestor(b, a)

    def labels(self):
        seen = []
        for rid in reversed(self.order):
            for label in self.revs[rid]["own_labels"]:
                if label not in seen:
                    seen.append(label)
        return seen


def load_graph(project):
    proc = subprocess.run(
        [PYTHON, WRAPPER, "--dump", "alembic.ini"],
        cwd=project.root,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=reference_env(),
    )
    if proc.returncode != 0:
        raise RuntimeError(
            "%s: the reference Alembic cannot load the project:\n%s%s"
            % (project.name, proc.stdout, proc.stderr)
        )
    project.graph = json.loads(proc.stdout)


def sample(items, limit):
    """At most `limit` items spread evenly over the list, keeping the ends."""
    items = list(items)
    if limit is None or len(items) <= limit:
        return items
    if limit <= 1:
        return items[:1]
    step = (len(items) - 1) / (limit - 1)
    picked = []
    for i in range(limit):
        item = items[round(i * step)]
        if item not in picked:
            picked.append(item)
    return picked


def plan_states(project, generated):
    order = project.order  # heads first
    heads = project.graph["heads"]
    bases = project.graph["bases"]
    quick = OPTS.quick
    states = []

    def add(name, describe, recipe):
        states.append(DbState(project, name, describe, recipe))

    # No "no database file" state: Alembic (SQLAlchemy) creates an empty file
    # there; Retort deliberately refuses (exit 5, nothing created), which
    # tests/tst_cli.cpp checks.
    add("notable", "database without a version table", [("sql", ["CREATE TABLE unrelated (id INTEGER PRIMARY KEY, note TEXT)"])])
    if order:
        add("emptytable", "empty version table (stamp heads; stamp base)", [("stamp", ["heads"]), ("stamp", ["base"])])
    chronological = list(reversed(order))
    if generated:
        singles = chronological[::5]
        singles += [h for h in heads if h not in singles]
    else:
        singles = chronological
    if quick:
        singles = list(dict.fromkeys(sample(chronological, 2) + heads[:1]))
    for rid in singles:
        add("rev_" + rid, "stamped at %s" % rid, [("stamp", [rid])])
    if order:
        add("heads", "stamp heads", [("stamp", ["heads"])])
    # pairs of heads (different branches), and pairs of branch-point children
    pairs = list(itertools.combinations(heads, 2))
    for rid in order:
        nxt = project.revs[rid]["next"]
        for a, b in itertools.combinations(nxt, 2):
            if not project.related(a, b) and (a, b) not in pairs and (b, a) not in pairs:
                pairs.append((a, b))
    pairs = sample(pairs, 1 if quick else 8)
    for a, b in pairs:
        add("pair_%s_%s" % (a, b), "stamp %s %s" % (a, b), [("stamp", [a, b])])
    if len(heads) > 2 and not quick:
        add("allheads", "stamp " + " ".join(heads), [("stamp", list(heads))])
    # broken contents written directly
    add("unknown", "version table holding an unknown id", [("sql", [VERSION_TABLE_DDL, "INSERT INTO alembic_version VALUES ('%s')" % UNKNOWN_ID])])
    if order and not quick:
        add("unknown_and_head", "a real head plus an unknown id",
            [("sql", [VERSION_TABLE_DDL, "INSERT INTO alembic_version VALUES ('%s')" % heads[0],
                      "INSERT INTO alembic_version VALUES ('%s')" % UNKNOWN_ID])])
    if order:
        base, head = bases[0], None
        for h in heads:
            if project.is_ancestor(base, h):
                head = h
                break
        if head and not quick:
            add("overlap", "rows for a revision and its ancestor",
                [("sql", [VERSION_TABLE_DDL, "INSERT INTO alembic_version VALUES ('%s')" % head,
                          "INSERT INTO alembic_version VALUES ('%s')" % base])])
        if not quick:
            # rows holding a partial id: Alembic resolves them like a command-line prefix
            unique = ambiguous = None
            for h in heads:
                for n in range(4, len(h)):
                    matches = [r for r in order if r.startswith(h[:n])]
                    if len(matches) == 1 and h[:n] not in order and not unique:
                        unique = h[:n]
                    if len(matches) > 1 and h[:n] not in order and not ambiguous:
                        ambiguous = h[:n]
            if unique:
                add("prefixrow", "a row holding a unique prefix of a head (%s)" % unique,
                    [("sql", [VERSION_TABLE_DDL, "INSERT INTO alembic_version VALUES ('%s')" % unique])])
            if ambiguous:
                add("ambiguousrow", "a row holding an ambiguous prefix (%s)" % ambiguous,
                    [("sql", [VERSION_TABLE_DDL, "INSERT INTO alembic_version VALUES ('%s')" % ambiguous])])
    add("corrupt", "a file that is not a SQLite database", [("raw", b"this is not a database\n" * 200)])
    if project.name == "demo":
        add("project-db", "the project's own demo.db", [("copy", [project.db_path_for(DbState(project, "project-db", "", None))])])
    project.states = states


def expected_status(project, state, pending):
    """Exit status `retort status` should give, or None when undefined."""
    if state.name in ("nofile", "prefixrow", "ambiguousrow"):
        return None
    if state.name == "corrupt":
        return 5
    if pending is None:  # the reference could not plan an upgrade: unknown/overlapping rows
        return 4
    return 3 if pending > 0 else 0


def plan_comparisons(project, generated):
    quick = OPTS.quick
    order = project.order
    heads = project.graph["heads"]
    comps = []

    def add(group, argv):
        comps.append(Comparison(project, group, argv))

    for argv in (["heads"], ["heads", "-v"], ["branches"], ["branches", "-v"],
                 ["history"], ["history", "-v"]):
        add(argv[0], argv)

    # ---- history ranges
    ranges = ["base:heads", "base:head", ":heads", ":head", "base:", ":", "heads:",
              "head:", "base:base", "heads:heads", "head:head", "heads:base", "base",
              "-1:", "-2:", ":-1", ":+1", "base:+2"]
    limit = 2 if quick else (10 if generated else None)
    picked = sample(order, limit)
    for rid in picked:
        ranges += ["%s:" % rid, ":%s" % rid, "%s:heads" % rid, ":%s+1" % rid,
                   ":%s-1" % rid, "%s+1:" % rid, "%s:%s+1" % (rid, rid)]
    # ancestor pairs (descendant first in history, so "A:B" with A an ancestor of B)
    anc_pairs, non_pairs = [], []
    for b in order:
        ancestors = project.revs[b]["ancestors"]
        if ancestors:
            # nearest and farthest ancestor in history order
            in_order = [r for r in order if r in ancestors]
            for a in dict.fromkeys([in_order[0], in_order[-1]]):
                anc_pairs.append((a, b))
    for a, b in itertools.combinations(order, 2):
        if not project.related(a, b):
            non_pairs.append((a, b))
    for a, b in sample(anc_pairs, 2 if quick else 20):
        ranges += ["%s:%s" % (a, b), "%s:%s" % (b, a)]
    for a, b in sample(non_pairs, 1 if quick else 8):
        ranges.append("%s:%s" % (a, b))
    for label in project.labels()[: 1 if quick else None]:
        ranges += ["%s:" % label, ":%s" % label, "%s@head:" % label, ":%s@head" % label,
                   "base:%s@head" % label, "%s@base:" % label]
    for rid in sample(order, 2 if quick else 6):
        if len(rid) > 5:
            ranges += ["%s:" % rid[:5], ":%s" % rid[:4]]
    for rng in dict.fromkeys(ranges):
        # "-r -1:" is an argparse error; "-r-1:" passes the value
        add("history -r", ["history", "-r" + rng] if rng.startswith("-") else ["history", "-r", rng])

    # ---- show
    shows = list(order) if not quick else sample(order, 4)
    shows += ["head", "heads", "base", "-1", "-2", "+1", UNKNOWN_ID, "dead", "zz",
              "nosuchlabel@head", "heads@head"]
    all_ids = list(order)
    for rid in sample(order, 2 if quick else (10 if generated else None)):
        if len(rid) > 4:
            p4 = rid[:4]
            shows.append(p4)
        shows += [rid[:3], rid[:2], "%s@head" % rid, "%s@heads" % rid, "%s+1" % rid, "%s-1" % rid]
    # ambiguous prefixes: the longest common prefix of ids that share one
    ambiguous = []
    for a, b in itertools.combinations(all_ids, 2):
        common = os.path.commonprefix([a, b])
        if len(common) >= 2 and common not in all_ids and common not in ambiguous:
            ambiguous.append(common)
    shows += sample(ambiguous, 3 if quick else 30)
    for label in project.labels()[: 2 if quick else None]:
        shows += [label, "%s@head" % label, "%s@heads" % label, "%s@base" % label,
                  "%s@-1" % label, "%s@+1" % label]
        members = [r for r in order if label in project.revs[r]["labels"]]
        others = [r for r in order if label not in project.revs[r]["labels"]
                  and not any(project.related(r, m) for m in members)]
        if members:
            shows.append("%s@%s" % (label, members[-1]))
        if others:
            shows.append("%s@%s" % (label, others[0]))
    if len(heads) > 1:
        shows += ["%s@head" % heads[0]]
    for rev in dict.fromkeys(shows):
        add("show", ["show", rev])

    # ---- per database state
    db_commands = DB_COMMANDS_QUICK if quick else DB_COMMANDS
    for state in project.states:
        if state.name != "corrupt":
            for argv in db_commands:
                c = Comparison(project, "db " + " ".join(argv), argv, ini=state.ini, state=state)
                comps.append(c)
                if not quick and argv in (["current"], ["history", "-i"]):
                    # the same database named with --db next to the project's alembic.ini
                    d = Comparison(project, "db --db " + " ".join(argv), argv, ini=state.ini, state=state)
                    d.retort_argv = ["--db", os.path.relpath(state.db_path, project.root),
                                     "-c", "alembic.ini"] + argv
                    d.expected_from = c
                    comps.append(d)
        c = Comparison(project, "status exit code", ["status"], ini=state.ini, state=state, kind="status")
        comps.append(c)
    project.comparisons = comps


# --------------------------------------------------------------------------
# Running the reference and Retort
# --------------------------------------------------------------------------


def reference_env(hashseed=None):
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)
    if hashseed is not None:
        env["PYTHONHASHSEED"] = str(hashseed)
    # byte-compiled revision files land in the temporary copies' __pycache__
    # (which Alembic, like Retort, ignores) and make repeated runs much faster
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("PYTHONIOENCODING", None)
    env.pop("COLUMNS", None)
    return env


def retort_env():
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env["LANG"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run_batches(batches, hashseed=None):
    """Run lists of reference jobs, one batch process per list, in parallel.

    Returns the results in the same nesting as `batches`.
    """
    if OPTS.no_fork:
        return [_run_unforked(jobs, hashseed) for jobs in batches]
    tmp = tempfile.mkdtemp(prefix="conformance-batch-", dir=OPTS.workdir)
    procs = []
    for i, jobs in enumerate(batches):
        jobs_path = os.path.join(tmp, "jobs%d.json" % i)
        results_path = os.path.join(tmp, "results%d.json" % i)
        with open(jobs_path, "w", encoding="utf-8") as f:
            json.dump(jobs, f)
        procs.append((subprocess.Popen(
            [PYTHON, WRAPPER, "--batch", jobs_path, results_path],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            env=reference_env(hashseed), cwd=tmp), results_path))
    results = []
    for proc, results_path in procs:
        output = proc.communicate()[0]
        if proc.returncode != 0:
            raise RuntimeError("reference batch failed:\n%s" % output.decode(errors="replace"))
        with open(results_path, encoding="utf-8", errors="surrogateescape") as f:
            results.append(json.load(f))
    shutil.rmtree(tmp, ignore_errors=True)
    return results


def _run_unforked(jobs, hashseed):
    results = []
    for job in jobs:
        for src, dst in job.get("setup", []):
            _restore(src, dst)
        if "pending" in job:
            # the pending count has no command line; use a one-job batch
            results.extend(run_batches_forked_single(job, hashseed))
            continue
        proc = subprocess.run([PYTHON, WRAPPER] + job["argv"], cwd=job["cwd"],
                              stdin=subprocess.DEVNULL, capture_output=True,
                              env=reference_env(hashseed))
        results.append({"out": proc.stdout.decode("utf-8", "surrogateescape"),
                        "err": proc.stderr.decode("utf-8", "replace"), "rc": proc.returncode})
    return results


def run_batches_forked_single(job, hashseed):
    saved = OPTS.no_fork
    OPTS.no_fork = False
    try:
        return run_batches([[job]], hashseed)[0]
    finally:
        OPTS.no_fork = saved


def _restore(src, dst):
    if src is None:
        if os.path.exists(dst):
            os.unlink(dst)
    else:
        shutil.copyfile(src, dst)


def split_groups(groups, n):
    """Distribute lists of jobs over n batches, largest first."""
    batches = [[] for _ in range(max(1, n))]
    sizes = [0] * len(batches)
    for group in sorted(groups, key=len, reverse=True):
        i = sizes.index(min(sizes))
        batches[i].append(group)
        sizes[i] += len(group)
    return [b for b in batches if b]


def build_states(projects):
    """Create every database state with the real Alembic (stamp) or sqlite3."""
    groups = []
    for project in projects:
        tmpl_dir = os.path.join(project.root, "_templates")
        os.makedirs(tmpl_dir, exist_ok=True)
        for state in project.states:
            project.write_state_ini(state)
            os.makedirs(os.path.dirname(state.db_path), exist_ok=True)
            jobs = []
            for step, arg in state.recipe or []:
                if step == "stamp":
                    jobs.append({"cwd": project.root, "argv": ["-c", state.ini, "stamp"] + arg,
                                 "_state": state})
            groups.append(jobs)
    # Keep the project's own database, then start every state from nothing.
    for project in projects:
        for state in project.states:
            for step, arg in state.recipe or []:
                if step == "copy":
                    shutil.copyfile(arg[0], os.path.join(project.root, "_templates", "_orig.db"))
        for state in project.states:
            _restore(None, state.db_path)
    # Stamp first (in parallel), then apply the direct edits.
    flat = [g for g in groups if g]
    batches = split_groups(flat, OPTS.jobs)
    job_batches = [[{k: v for k, v in job.items() if k != "_state"} for group in b for job in group] for b in batches]
    results = run_batches(job_batches)
    for b, res in zip(batches, results):
        jobs = [job for group in b for job in group]
        for job, r in zip(jobs, res):
            if r["rc"] != 0:
                raise RuntimeError("creating state %s of %s failed: %s\n%s%s" % (
                    job["_state"].name, job["_state"].project.name, " ".join(job["argv"]),
                    r["out"], r["err"]))
    for project in projects:
        for state in project.states:
            if state.recipe is None:
                state.template = None
                continue
            for step, arg in state.recipe:
                if step == "sql":
                    con = sqlite3.connect(state.db_path)
                    with con:
                        for stmt in arg:
                            con.execute(stmt)
                    con.close()
                elif step == "raw":
                    with open(state.db_path, "wb") as f:
                        f.write(arg)
            template = os.path.join(project.root, "_templates", state.name + ".db")
            if state.name == "project-db":
                shutil.copyfile(os.path.join(project.root, "_templates", "_orig.db"), template)
            else:
                shutil.move(state.db_path, template)
            state.template = template


def run_reference(projects, hashseed=None, attr="expected"):
    """Fill comparison.expected (or `attr`) from the real Alembic."""
    groups = []
    for project in projects:
        static = [c for c in project.comparisons if c.state is None]
        # static commands in chunks so that they spread over the workers
        for i in range(0, len(static), 40):
            groups.append(static[i:i + 40])
        by_state = collections.OrderedDict()
        for c in project.comparisons:
            if c.state is not None:
                by_state.setdefault(c.state.name, []).append(c)
        groups.extend(by_state.values())
    for group in groups:
        for c in group:
            if c.expected_from is not None:
                c._job = None
            elif c.kind == "status":
                c._job = status_job(c)
            else:
                setup = [[c.state.template, c.state.db_path]] if c.state else []
                c._job = {"cwd": c.project.root, "argv": c.full_argv, "setup": setup}
    batches = split_groups(groups, OPTS.jobs)
    job_batches = [[c._job for group in b for c in group if c._job] for b in batches]
    results = run_batches(job_batches, hashseed)
    for b, res in zip(batches, results):
        comps = [c for group in b for c in group if c._job]
        assert len(comps) == len(res)
        for c, r in zip(comps, res):
            if c.kind == "status":
                pending = int(r["out"]) if r["rc"] == 0 else None
                c.expected_status = expected_status(c.project, c.state, pending)
                setattr(c, attr, {"out": "", "err": r["err"], "rc": c.expected_status})
            else:
                setattr(c, attr, r)
    for project in projects:
        for c in project.comparisons:
            if c.expected_from is not None:
                setattr(c, attr, getattr(c.expected_from, attr))
            elif c.kind == "status" and not c._job:
                c.expected_status = expected_status(c.project, c.state, None)
                setattr(c, attr, {"out": "", "err": "", "rc": c.expected_status})


def status_job(c):
    """A job counting the revisions `alembic upgrade heads` would run, or None."""
    if c.state.template is None or c.state.name in ("corrupt", "prefixrow", "ambiguousrow"):
        return None
    rows = state_rows(c.state)
    return {"cwd": c.project.root, "pending": [c.ini, rows or []]}


def state_rows(state):
    """The version rows of a state's template, or None without a table."""
    if state.template is None or state.name == "corrupt":
        return None
    con = sqlite3.connect("file:%s?mode=ro" % state.template, uri=True)
    try:
        return [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error:
        return None
    finally:
        con.close()


def _file_digest(path):
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def run_retort(projects):
    groups = []
    for project in projects:
        static = [c for c in project.comparisons if c.state is None]
        for i in range(0, len(static), 20):
            groups.append(static[i:i + 20])
        by_state = collections.OrderedDict()
        for c in project.comparisons:
            if c.state is not None:
                by_state.setdefault(c.state.name, []).append(c)
        groups.extend(by_state.values())

    env = retort_env()

    def run_group(group):
        for c in group:
            if c.state:
                _restore(c.state.template, c.state.db_path)
                before = _file_digest(c.state.db_path)
            try:
                proc = subprocess.run([OPTS.retort] + c.retort_full_argv, cwd=c.project.root,
                                      stdin=subprocess.DEVNULL, capture_output=True,
                                      env=env, timeout=RETORT_TIMEOUT)
                c.actual = {"out": proc.stdout.decode("utf-8", "surrogateescape"),
                            "err": proc.stderr.decode("utf-8", "replace"),
                            "rc": proc.returncode}
            except subprocess.TimeoutExpired as e:
                c.actual = {"out": (e.stdout or b"").decode("utf-8", "surrogateescape"),
                            "err": "timed out after %d s" % RETORT_TIMEOUT, "rc": "timeout"}
            except OSError as e:
                c.actual = {"out": "", "err": str(e), "rc": "cannot run: %s" % e}
            if c.state:
                c.untouched = _file_digest(c.state.db_path) == before

    with concurrent.futures.ThreadPoolExecutor(max_workers=OPTS.jobs) as pool:
        list(pool.map(run_group, groups))


# --------------------------------------------------------------------------
# Project set-up
# --------------------------------------------------------------------------


def prepare_projects(workdir):
    projects = []
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_dbs", "_templates", "_conf_*.ini")
    names = sorted(d for d in os.listdir(FIXTURES_DIR)
                   if os.path.isfile(os.path.join(FIXTURES_DIR, d, "alembic.ini")))
    entries = [(name, os.path.join(FIXTURES_DIR, name), False) for name in names]
    entries.append(("demo", DEMO_DIR, False))
    for name, src, _ in entries:
        if OPTS.only and name not in OPTS.only:
            continue
        dst = os.path.join(workdir, name)
        shutil.copytree(src, dst, ignore=ignore)
        projects.append((Project(name, dst), False))
    for name, args in GENERATED:
        if OPTS.only and name not in OPTS.only:
            continue
        dst = os.path.join(workdir, name)
        proc = subprocess.run([PYTHON, GENERATOR, dst] + args, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError("generator failed: %s%s" % (proc.stdout, proc.stderr))
        projects.append((Project(name, dst), True))
    for project, generated in projects:
        load_graph(project)
        plan_states(project, generated)
    result = [p for p, _ in projects]
    build_states(result)
    for project, generated in projects:
        plan_comparisons(project, generated)
    sys.stderr.write("projects: %s\n" % ", ".join(
        "%s (%d revisions, %d databases, %d commands)" % (
            p.name, len(p.order), len(p.states), len(p.comparisons)) for p in result))
    return result


# --------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------

STATS = collections.Counter()
FAILURES = []


def _show(text):
    return text if text.endswith("\n") or not text else text + "\n[no newline at end]\n"


def describe_difference(c, expected, actual):
    parts = ["$ cd %s" % c.project.root,
             "$ retort %s" % " ".join(c.retort_full_argv)]
    if c.state:
        parts.append("database: %s (%s)" % (c.state.name, c.state.describe))
    if expected["rc"] != actual["rc"]:
        parts.append("exit status: alembic %s, retort %s" % (expected["rc"], actual["rc"]))
    if expected["out"] != actual["out"]:
        diff = difflib.unified_diff(
            _show(expected["out"]).splitlines(True), _show(actual["out"]).splitlines(True),
            "alembic", "retort", n=2)
        text = "".join(diff)
        if len(text) > 6000:
            text = text[:6000] + "\n... (diff truncated)\n"
        parts.append("stdout (normalised) differs:\n" + text.rstrip("\n"))
    if actual.get("err", "").strip():
        err = actual["err"].strip()
        parts.append("retort stderr: " + (err[:800] + " ..." if len(err) > 800 else err))
    return "\n".join(parts)


class ConformanceCase(unittest.TestCase):
    maxDiff = None
    project = None
    groups = None

    def _check(self, c):
        STATS["comparisons"] += 1
        if c.kind == "status":
            with self.subTest(c.title):
                if c.expected_status is None:
                    STATS["comparisons"] -= 1
                    return
                if c.actual["rc"] != c.expected_status:
                    STATS["failed"] += 1
                    FAILURES.append((c, "status"))
                    self.fail("$ cd %s\n$ retort %s\ndatabase: %s (%s)\nexpected exit status %s, got %s\nstdout: %s"
                              % (c.project.root, " ".join(c.retort_full_argv), c.state.name, c.state.describe,
                                 c.expected_status, c.actual["rc"], c.actual["out"][:500]))
            return
        expected = dict(c.expected, out=normalize(c.argv, c.expected["out"]))
        actual = dict(c.actual, out=normalize(c.argv, c.actual["out"]))
        with self.subTest(c.title):
            if expected["out"] != actual["out"] or expected["rc"] != actual["rc"]:
                STATS["failed"] += 1
                FAILURES.append((c, "output"))
                if STATS["failed"] > OPTS.max_details:
                    self.fail("differs (details omitted after %d failures; see --report)" % OPTS.max_details)
                self.fail(describe_difference(c, expected, actual))
        if c.untouched is not None and OPTS.retort:
            STATS["comparisons"] += 1
            with self.subTest(c.title + " leaves the database untouched"):
                if not c.untouched:
                    STATS["failed"] += 1
                    FAILURES.append((c, "untouched"))
                    self.fail("retort %s changed %s (state %s); opening a database must never write to it"
                              % (" ".join(c.retort_full_argv), c.state.db_path, c.state.name))


def _make_test(comparisons):
    def test(self):
        for c in comparisons:
            self._check(c)
    return test


def build_suite(projects):
    suite = unittest.TestSuite()
    loader = unittest.TestLoader()
    for project in projects:
        groups = collections.OrderedDict()
        for c in project.comparisons:
            key = c.group if not c.group.startswith("db ") else "db"
            groups.setdefault(key, []).append(c)
        attrs = {}
        for key, comps in groups.items():
            attrs["test_" + re.sub(r"\W+", "_", key).strip("_")] = _make_test(comps)
        cls = type("Test_" + re.sub(r"\W", "_", project.name), (ConformanceCase,), attrs)
        suite.addTests(loader.loadTestsFromTestCase(cls))
    return suite


def failure_category(c, how):
    if how != "output":
        return how
    if c.state is not None:
        return "db: " + c.group[3:]
    if c.group == "history -r":
        return "history -r"
    return c.group


def print_summary(stream):
    stream.write("\n%d comparisons, %d failed\n" % (STATS["comparisons"], STATS["failed"]))
    if FAILURES:
        by_cat = collections.Counter(failure_category(c, how) for c, how in FAILURES)
        by_project = collections.Counter(c.project.name for c, _ in FAILURES)
        stream.write("failures by command: %s\n" % ", ".join("%s: %d" % kv for kv in by_cat.most_common()))
        stream.write("failures by project: %s\n" % ", ".join("%s: %d" % kv for kv in by_project.most_common()))


def write_report(path):
    data = []
    for c, how in FAILURES:
        data.append({
            "project": c.project.name, "category": failure_category(c, how), "kind": how,
            "argv": c.retort_full_argv, "state": c.state.name if c.state else None,
            "cwd": c.project.root,
            "expected": c.expected, "actual": c.actual,
            "expected_normalised": normalize(c.argv, c.expected["out"]) if c.expected else None,
            "actual_normalised": normalize(c.argv, c.actual["out"]) if c.actual else None,
        })
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------


def preflight():
    problems = []
    if not os.access(PYTHON, os.X_OK):
        problems.append("%s is missing" % PYTHON)
    else:
        proc = subprocess.run([PYTHON, "-c", "import alembic, sqlalchemy; print(alembic.__version__)"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            problems.append("the reference Alembic is not importable by %s (install python3-alembic):\n%s"
                            % (PYTHON, proc.stderr.strip()))
        elif not proc.stdout.startswith("1.8."):
            sys.stderr.write("note: reference Alembic is %s (these tests were written against 1.8.1)\n"
                             % proc.stdout.strip())
    if not OPTS.self_check:
        if not OPTS.retort:
            problems.append("--retort PATH is required")
        elif not (os.path.isfile(OPTS.retort) and os.access(OPTS.retort, os.X_OK)):
            problems.append("retort binary %r does not exist or is not executable" % OPTS.retort)
    if problems:
        for p in problems:
            sys.stderr.write("conformance: FAILED: %s\n" % p)
        sys.exit(1)


def self_check(projects, stream):
    """Run the reference twice with different hash seeds; report instability."""
    # With --no-fork the first run still forks: this compares the batch mode
    # with separate processes as well as the two hash seeds.
    no_fork, OPTS.no_fork = OPTS.no_fork, False
    run_reference(projects, hashseed=OPTS.seed_a, attr="expected")
    OPTS.no_fork = no_fork
    run_reference(projects, hashseed=OPTS.seed_b, attr="actual")
    raw_unstable = []
    for p in projects:
        for c in p.comparisons:
            if c.kind == "output" and c.expected != c.actual:
                raw_unstable.append(c)
    stream.write("self-check: %d outputs differ between hash seeds %s and %s before normalisation\n"
                 % (len(raw_unstable), OPTS.seed_a, OPTS.seed_b))
    kinds = collections.Counter()
    for c in raw_unstable:
        covered = normalize(c.argv, c.expected["out"]) == normalize(c.argv, c.actual["out"])
        if not covered:
            stream.write("  UNCOVERED %s\n" % c.title)
        kinds[(" ".join(c.argv) if c.state else c.group, covered)] += 1
    for (what, covered), n in sorted(kinds.items()):
        stream.write("  %-40s %4d %s\n" % (what, n, "covered by the normaliser" if covered else "NOT COVERED"))


def main(argv=None):
    global OPTS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--retort", help="path of the retort binary")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every test method")
    ap.add_argument("--quick", action="store_true", help="fewer databases and commands, for local iteration")
    ap.add_argument("--only", nargs="+", metavar="PROJECT", help="only these projects (fixture names, demo, gen40, gen120)")
    ap.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2), help="parallel workers")
    ap.add_argument("--no-fork", action="store_true",
                    help="run each reference command as its own process (slow; with --self-check: "
                         "compare that with the forking batch mode)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    ap.add_argument("--no-snapshot", dest="snapshot", action="store_false",
                    help="run the retort binary in place instead of a private copy taken at start "
                         "(the copy keeps a rebuild during the run from mixing two binaries)")
    ap.add_argument("--dry-run", action="store_true", help="only build the projects and list what would be compared")
    ap.add_argument("--report", metavar="FILE", help="write the failures as JSON")
    ap.add_argument("--max-details", type=int, default=300, metavar="N",
                    help="print diffs for the first N failures only (default 300)")
    ap.add_argument("--self-check", action="store_true",
                    help="compare Alembic with itself under two hash seeds instead of running retort")
    ap.add_argument("--seed-a", type=int, default=1)
    ap.add_argument("--seed-b", type=int, default=2)
    OPTS = ap.parse_args(argv)
    if OPTS.retort:
        OPTS.retort = os.path.abspath(OPTS.retort)
    preflight()

    workdir = os.path.realpath(tempfile.mkdtemp(prefix="retort-conformance-"))
    OPTS.workdir = workdir
    if OPTS.snapshot and OPTS.retort:
        # a private copy, so that a rebuild during the run cannot mix two binaries
        copy = os.path.join(workdir, "retort-under-test")
        shutil.copy2(OPTS.retort, copy)
        OPTS.retort = copy
    stream = sys.stderr
    try:
        projects = prepare_projects(workdir)
        if OPTS.dry_run:
            for p in projects:
                for c in p.comparisons:
                    stream.write("%s\n" % c.title)
            return 0
        if OPTS.self_check:
            self_check(projects, stream)
        else:
            run_reference(projects)
            run_retort(projects)
        runner = unittest.TextTestRunner(stream=stream, verbosity=2 if OPTS.verbose else 1)
        result = runner.run(build_suite(projects))
        print_summary(stream)
        if OPTS.report:
            write_report(OPTS.report)
        ok = result.wasSuccessful() and STATS["failed"] == 0
    finally:
        if OPTS.keep:
            stream.write("kept %s\n" % workdir)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
