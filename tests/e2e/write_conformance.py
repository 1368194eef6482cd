#!/usr/bin/python3
"""End-to-end acceptance tests of Retort's write path against the real Alembic.

Every comparison runs the same command with the reference Alembic (Debian's
python3-alembic 1.8.1 through tests/conformance/alembic_sorted.py, which lists
revision files sorted, as Retort does) on database A and with ``retort`` on
database B, both starting from the same bytes, and compares:

- the exit status (0, or 255 with the same ``FAILED: ...`` line on stdout);
- the steps run: Alembic's ``INFO  [alembic.runtime.migration] Running upgrade
  a -> b, doc`` lines against Retort's ``Running upgrade a -> b, doc`` lines;
- the resulting database: a normalised schema (sqlite_master type, name,
  tbl_name and SQL with whitespace collapsed; PRAGMA table_xinfo, index_list +
  index_info, foreign_key_list of every table), the rows of every other table,
  and the alembic_version rows as a set.

Suites (one unittest class each, one subTest per comparison):

1. StepByStep: generated histories (40 revisions / branch every 7; 25 / 5 /
   seed b), the ``alloperations`` fixture and the demo: upgrade to every
   revision in Alembic's upgrade order, ``upgrade heads``, downgrade to every
   revision in reverse order, ``downgrade base``, ``downgrade -1`` repeatedly,
   and ``upgrade heads`` / ``downgrade base`` in one go.
2. BranchyTargets: the fixtures multibase, labels, merge3, dependson with
   empty upgrade()/downgrade() bodies (so any version rows can be a start):
   many (start rows, target) pairs of upgrade and downgrade.
3. Stamp: the same projects, ``stamp`` to many targets from many rows,
   including a sibling branch (two rows and Retort's warning), ``stamp
   base``, several targets, ``stamp --purge`` over an unknown id.
4. OfflineSql: ``--sql`` scripts run by ``sqlite3`` on a fresh database give
   the online result; Retort's text is compared with Alembic's byte for byte
   wherever Alembic can produce it offline.
5. Failures: a failing statement rolls its step back completely (dump equal
   to the previous revision's, no _alembic_tmp_ table, backup + restore); a
   locked database (exit 5, nothing changed, no backup left); revisions that
   cannot be translated (exit 1 before anything runs).

    /usr/bin/python3 tests/e2e/write_conformance.py --retort build/app/retort [-v] [-k PATTERN]
        [--report FILE.json] [--keep]

Missing Alembic, sqlite3 or the retort binary is a failure, never a skip.
Where the tools disagree after a step, database B is reset to a copy of A so
the following comparisons stay independent (and readable).
"""

import argparse
import difflib
import itertools
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
FIXTURES_DIR = os.path.join(SOURCE_DIR, "tests", "data", "projects")
CONFORMANCE_DIR = os.path.join(SOURCE_DIR, "tests", "conformance")
DEMO_DIR = os.path.join(SOURCE_DIR, "resources", "demo")
WRAPPER = os.path.join(CONFORMANCE_DIR, "alembic_sorted.py")
GENERATOR = os.path.join(CONFORMANCE_DIR, "gen_alembic_history.py")
PYTHON = "/usr/bin/python3"

GENERATED = {
    "gen40": ["--revisions", "40", "--branch-every", "7"],
    "gen25b": ["--revisions", "25", "--branch-every", "5", "--seed", "b"],
}
BRANCHY = ["multibase", "labels", "merge3", "dependson"]
UNKNOWN_ID = "deadbeefcafe"
RETORT_TIMEOUT = 120
VERSION_DDL = ("CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n"
               "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)")

LOGGING_INI = """
[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
"""

OPTS = None
WORK = None
STATS = {"comparisons": 0, "disagreements": []}
STEP_RE = re.compile(r"^(?:INFO\s+\[alembic\.runtime\.migration\]\s+)?"
                     r"Running ((?:upgrade|downgrade|stamp_revision) .*)$")


# ---------------------------------------------------------------- tools

class Result:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    def steps(self):
        found = []
        for line in self.err.splitlines():
            m = STEP_RE.match(line)
            if m:
                found.append(m.group(1))
        return found

    def short(self):
        text = (self.out + self.err).strip().splitlines()
        return "exit %d%s" % (self.rc, (": " + text[-1]) if text else "")


class Alembic:
    """The reference: alembic_sorted.py imported once, one forked child per command."""

    def __init__(self):
        sys.path.insert(0, CONFORMANCE_DIR)
        import alembic_sorted  # sorted os.listdir + pinned dependency order
        import alembic.command  # noqa: F401  (imported before forking: cheap children)
        import alembic.config  # noqa: F401
        import alembic.runtime.migration  # noqa: F401
        import alembic.script  # noqa: F401
        import sqlalchemy  # noqa: F401
        import sqlalchemy.dialects.sqlite  # noqa: F401
        self.mod = alembic_sorted
        self.tmp = tempfile.mkdtemp(prefix="alembic-out-", dir=WORK)

    def run(self, cwd, *argv):
        out_path = os.path.join(self.tmp, "out")
        err_path = os.path.join(self.tmp, "err")
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            self.mod._child({"cwd": cwd, "argv": ["-c", "alembic.ini"] + list(argv)}, out_path, err_path)
            os._exit(1)  # not reached
        _, status = os.waitpid(pid, 0)
        rc = os.waitstatus_to_exitcode(status)
        with open(out_path, encoding="utf-8", errors="surrogateescape") as f:
            out = f.read()
        with open(err_path, encoding="utf-8", errors="replace") as f:
            err = f.read()
        return Result(rc, out, err)


def retort(project, db, *args, cwd=None):
    argv = [OPTS.retort, "--lang", "en", "-c", project.ini]
    if db is not None:
        argv += ["--db", db]
    argv += list(args)
    env = dict(os.environ, LC_ALL="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    p = subprocess.run(argv, cwd=cwd or project.dir, env=env, capture_output=True,
                       timeout=RETORT_TIMEOUT)
    return Result(p.returncode, p.stdout.decode("utf-8", "surrogateescape"),
                  p.stderr.decode("utf-8", "replace"))


def sqlite3_cli(db, script_text):
    p = subprocess.run([OPTS.sqlite3, "-bail", db], input=script_text.encode("utf-8"),
                       capture_output=True, timeout=300)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


def dump(db):
    p = subprocess.run([OPTS.sqlite3, db, ".dump"], capture_output=True, timeout=120)
    if p.returncode != 0:
        raise AssertionError("sqlite3 .dump %s failed: %s" % (db, p.stderr.decode()))
    return p.stdout.decode("utf-8", "replace")


def file_state(path):
    with open(path, "rb") as f:
        data = f.read()
    return (data, os.stat(path).st_mtime_ns)


def collapse(sql):
    return None if sql is None else re.sub(r"\s+", " ", sql).strip()


def squeeze(line):
    """Also drops whitespace next to parentheses and commas (only to annotate diffs)."""
    return re.sub(r"\s*([(),])\s*", r"\1", line)


def annotate(expected, actual):
    if expected != actual and [squeeze(x) for x in expected] == [squeeze(x) for x in actual]:
        return " (the only difference: whitespace next to parentheses or commas)"
    return ""


def _quote(name):
    return '"%s"' % name.replace('"', '""')


def snapshot(db, with_data=True):
    """Normalised schema, data and version rows, as lines (for readable diffs)."""
    if not os.path.exists(db):
        return ["(no database file)"]
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        lines = []
        master = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        for typ, name, tbl, sql in sorted(master, key=lambda r: (r[0], r[1], r[2], r[3] or "")):
            lines.append("%s %s (on %s): %s" % (typ, name, tbl, collapse(sql)))
        tables = sorted(r[1] for r in master if r[0] == "table")
        for t in tables:
            q = _quote(t)
            for row in con.execute("PRAGMA table_xinfo(%s)" % q):
                lines.append("%s column %r" % (t, tuple(row)))
            indexes = sorted((r[1], r[2], r[3], r[4]) for r in con.execute("PRAGMA index_list(%s)" % q))
            for name, unique, origin, partial in indexes:
                info = [tuple(r) for r in con.execute("PRAGMA index_info(%s)" % _quote(name))]
                lines.append("%s index %s unique=%s origin=%s partial=%s cols=%r"
                             % (t, name, unique, origin, partial, info))
            for row in sorted(tuple(r) for r in con.execute("PRAGMA foreign_key_list(%s)" % q)):
                lines.append("%s foreign key %r" % (t, row))
        if "alembic_version" in tables:
            rows = sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
            lines.append("alembic_version rows %r" % (rows,))
        if with_data:
            for t in tables:
                if t == "alembic_version":
                    continue
                for row in sorted(repr(tuple(r)) for r in con.execute("SELECT * FROM %s" % _quote(t))):
                    lines.append("%s data %s" % (t, row))
        return lines
    finally:
        con.close()


def version_rows(db):
    """The alembic_version rows as a sorted list (no file / no table: empty)."""
    if not os.path.exists(db) or os.path.getsize(db) == 0:
        return []
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchall():
            return []
        return sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
    finally:
        con.close()


def make_state_db(path, rows, table=True):
    if os.path.exists(path):
        os.unlink(path)
    open(path, "wb").close()
    if not table:
        return
    con = sqlite3.connect(path)
    con.execute(VERSION_DDL)
    con.executemany("INSERT INTO alembic_version (version_num) VALUES (?)", [(r,) for r in rows])
    con.commit()
    con.close()


def remove_db(path):
    for p in [path, path + "-journal", path + "-wal", path + "-shm"]:
        if os.path.exists(p):
            os.unlink(p)


def diff(expected, actual, a="alembic", b="retort"):
    return "\n".join(difflib.unified_diff(expected, actual, a, b, lineterm="", n=2))


# ---------------------------------------------------------------- projects

class Project:
    """A private copy of an Alembic project: A = alembic.db (Alembic's), B = retort.db."""

    def __init__(self, name, src=None, gen_args=None, empty_bodies=False):
        self.name = name
        self.dir = os.path.join(WORK, "projects", name)
        if os.path.exists(self.dir):
            shutil.rmtree(self.dir)
        if gen_args is not None:
            subprocess.run([PYTHON, GENERATOR, self.dir] + gen_args, check=True, capture_output=True)
        else:
            if not os.path.isdir(src):
                raise AssertionError("project %s is missing: %s" % (name, src))
            shutil.copytree(src, self.dir, ignore=shutil.ignore_patterns("*.db", "__pycache__", "*.bak",
                                                                        "*.jsonl"))
        self.ini = os.path.join(self.dir, "alembic.ini")
        self.a = os.path.join(self.dir, "alembic.db")
        self.b = os.path.join(self.dir, "retort.db")
        self._rewrite_ini()
        self._ensure_logging()
        if empty_bodies:
            self._empty_bodies()
        self.graph = self._dump()
        self.order = list(self.graph["order"])  # heads first, as `alembic history`
        self.revs = self.graph["revisions"]
        self.heads = list(self.graph["heads"])
        self.labels = []
        for rid in reversed(self.order):
            for label in self.revs[rid]["own_labels"]:
                if label not in self.labels:
                    self.labels.append(label)

    def _rewrite_ini(self):
        with open(self.ini, encoding="utf-8") as f:
            text = f.read()
        text, n = re.subn(r"(?m)^sqlalchemy\.url\s*=.*$", "sqlalchemy.url = sqlite:///%(here)s/alembic.db", text)
        if n != 1:
            raise AssertionError("%s: no sqlalchemy.url line to rewrite" % self.ini)
        # Alembic's INFO lines ("Running upgrade a -> b") are the steps it runs.
        cut = re.search(r"(?m)^\[loggers\]", text)
        if cut:
            text = text[:cut.start()]
        text = text.rstrip("\n") + "\n" + LOGGING_INI
        with open(self.ini, "w", encoding="utf-8") as f:
            f.write(text)

    def _script_dir(self):
        with open(self.ini, encoding="utf-8") as f:
            m = re.search(r"(?m)^script_location\s*=\s*(.*)$", f.read())
        loc = m.group(1).strip().replace("%(here)s", self.dir)
        return loc if os.path.isabs(loc) else os.path.join(self.dir, loc)

    def _ensure_logging(self):
        env = os.path.join(self._script_dir(), "env.py")
        with open(env, encoding="utf-8") as f:
            text = f.read()
        if "fileConfig(" not in text:
            text = text.replace("config = context.config\n",
                                "config = context.config\n"
                                "from logging.config import fileConfig\n"
                                "fileConfig(config.config_file_name)\n", 1)
            if "fileConfig(config" not in text:
                raise AssertionError("%s: cannot add logging to env.py" % env)
            with open(env, "w", encoding="utf-8") as f:
                f.write(text)

    def _empty_bodies(self):
        """upgrade() and downgrade() become `pass`: only the version rows change."""
        for root, _, files in os.walk(self.dir):
            for fn in files:
                if not fn.endswith(".py") or fn == "env.py":
                    continue
                path = os.path.join(root, fn)
                with open(path, "rb") as f:
                    raw = f.read()
                out, skipping = [], False
                for line in raw.splitlines(keepends=True):
                    if skipping:
                        if line.strip() == b"" or line[:1] in (b" ", b"\t"):
                            continue
                        skipping = False
                    out.append(line)
                    if re.match(rb"def (upgrade|downgrade)\(.*:\s*$", line):
                        out.append(b"    pass\n\n\n")
                        skipping = True
                with open(path, "wb") as f:
                    f.write(b"".join(out))

    def _dump(self):
        p = subprocess.run([PYTHON, WRAPPER, "--dump", self.ini], cwd=self.dir, capture_output=True, timeout=300)
        if p.returncode != 0:
            raise AssertionError("alembic_sorted.py --dump failed for %s:\n%s" % (self.name, p.stderr.decode()))
        return json.loads(p.stdout.decode())

    # graph helpers -------------------------------------------------
    def ancestors(self, rid, deps=False):
        """Ancestors of rid (not rid itself); with deps, dependencies count as parents."""
        seen, todo = set(), [rid]
        while todo:
            r = todo.pop()
            parents = list(self.revs[r]["down"]) + (list(self.revs[r]["deps"]) if deps else [])
            for p in parents:
                if p not in seen:
                    seen.add(p)
                    todo.append(p)
        return seen

    def upgrade_order(self):
        return list(reversed(self.order))

    def script_of(self, rid):
        return self.revs[rid]["path"]


# ---------------------------------------------------------------- base test case

class WriteCase(unittest.TestCase):
    maxDiff = None
    alembic = None

    @classmethod
    def setUpClass(cls):
        if WriteCase.alembic is None:
            WriteCase.alembic = Alembic()

    def record(self, what, details):
        STATS["disagreements"].append({"test": self.id(), "what": what, "details": details})

    def compare_run(self, project, label, argv, start_rows=None, check_steps=True,
                    schema=True, resync=True):
        """Runs argv with both tools on their databases and compares everything."""
        STATS["comparisons"] += 1
        ar = self.alembic.run(project.dir, *argv)
        rr = retort(project, project.b, *argv, "--no-backup")
        problems = []
        if ar.rc != rr.rc or ar.out != rr.out:
            problems.append("exit status / stdout differ:\n  alembic: exit %d, stdout %r%s\n  retort:  exit %d, stdout %r, stderr %r"
                            % (ar.rc, ar.out, "" if ar.rc in (0, 255) else ", stderr tail %r" % ar.err[-400:],
                               rr.rc, rr.out, rr.err[-400:]))
        if check_steps and ar.steps() != rr.steps():
            problems.append("steps differ:\n" + diff(ar.steps(), rr.steps()))
        if schema:
            sa, sb = snapshot(project.a), snapshot(project.b)
            if sa != sb:
                problems.append("database differs (alembic = A, retort = B)%s:\n%s" % (annotate(sa, sb), diff(sa, sb)))
        else:
            va, vb = version_rows(project.a), version_rows(project.b)
            if va != vb:
                problems.append("version rows differ: alembic %r, retort %r" % (va, vb))
        if problems:
            details = "%s: `%s` from rows %r\n%s" % (project.name, " ".join(argv), start_rows,
                                                     "\n".join(problems))
            self.record(label, details)
            if resync:
                remove_db(project.b)
                shutil.copyfile(project.a, project.b)
            self.fail(details)
        return ar, rr


# ---------------------------------------------------------------- 1. step by step

def _step_projects():
    return [("gen40", dict(gen_args=GENERATED["gen40"])),
            ("gen25b", dict(gen_args=GENERATED["gen25b"])),
            ("alloperations", dict(src=os.path.join(FIXTURES_DIR, "alloperations"))),
            ("demo", dict(src=DEMO_DIR))]


class StepByStep(WriteCase):
    """Every upgrade and downgrade step, Alembic on A and Retort on B, compared after each."""

    def run_project(self, name, **kw):
        p = Project(name, **kw)
        for db in (p.a, p.b):
            make_state_db(db, [], table=False)
        rows = lambda: version_rows(p.a)  # noqa: E731
        # upgrade to each revision in Alembic's upgrade order (history reversed)
        for i, rid in enumerate(p.upgrade_order()):
            with self.subTest(project=name, phase="upgrade step", n=i, target=rid):
                self.compare_run(p, "upgrade step", ["upgrade", rid], start_rows=rows())
        with self.subTest(project=name, phase="upgrade heads"):
            self.compare_run(p, "upgrade heads", ["upgrade", "heads"], start_rows=rows())
        # downgrade to each revision, newest first, then to base
        for i, rid in enumerate(p.order):
            with self.subTest(project=name, phase="downgrade step", n=i, target=rid):
                self.compare_run(p, "downgrade step", ["downgrade", rid], start_rows=rows())
        with self.subTest(project=name, phase="downgrade base"):
            self.compare_run(p, "downgrade base", ["downgrade", "base"], start_rows=rows())
        # `downgrade -1` from the heads until base (or until both refuse, e.g. at a merge)
        with self.subTest(project=name, phase="upgrade heads again"):
            self.compare_run(p, "upgrade heads", ["upgrade", "heads"], start_rows=rows())
        for i in range(len(p.order) + 2):
            start = rows()
            if not start:
                break
            with self.subTest(project=name, phase="downgrade -1", n=i, start=start):
                ar, _ = self.compare_run(p, "downgrade -1", ["downgrade", "-1"], start_rows=start)
                if ar.rc != 0:
                    break
        # in one go from an empty database, with backups on
        for db in (p.a, p.b):
            remove_db(db)
            make_state_db(db, [], table=False)
        for argv in (["upgrade", "heads"], ["downgrade", "base"]):
            with self.subTest(project=name, phase="one go", command=" ".join(argv)):
                STATS["comparisons"] += 1
                start = rows()
                ar = self.alembic.run(p.dir, *argv)
                rr = retort(p, p.b, *argv)
                problems = []
                if (ar.rc, ar.out) != (rr.rc, rr.out):
                    problems.append("alembic %s / retort %s" % (ar.short(), rr.short()))
                if ar.steps() != rr.steps():
                    problems.append("steps differ:\n" + diff(ar.steps(), rr.steps()))
                sa, sb = snapshot(p.a), snapshot(p.b)
                if sa != sb:
                    problems.append("database differs%s:\n%s" % (annotate(sa, sb), diff(sa, sb)))
                if rr.rc == 0 and not any(line.startswith("Backup: ") for line in rr.err.splitlines()):
                    problems.append("no 'Backup: FILE' line on stderr: %r" % rr.err[-300:])
                if problems:
                    details = "%s: `%s` (one go) from rows %r\n%s" % (name, " ".join(argv), start, "\n".join(problems))
                    self.record("one go", details)
                    remove_db(p.b)
                    shutil.copyfile(p.a, p.b)
                    self.fail(details)

    def test_gen40(self):
        self.run_project("gen40", gen_args=GENERATED["gen40"])

    def test_gen25b(self):
        self.run_project("gen25b", gen_args=GENERATED["gen25b"])

    def test_alloperations(self):
        self.run_project("alloperations", src=os.path.join(FIXTURES_DIR, "alloperations"))

    def test_demo(self):
        self.run_project("demo", src=DEMO_DIR)


# ---------------------------------------------------------------- 2./3. branchy histories

def start_states(p, rnd):
    """(name, rows, has_table) starting points for a project with empty bodies."""
    states = [("no table", [], False), ("empty table", [], True)]
    for rid in p.upgrade_order():
        states.append(("at %s" % rid, [rid], True))
    heads = list(p.heads)
    states.append(("all heads", sorted(heads), True))
    for h1, h2 in itertools.combinations(heads, 2):
        states.append(("heads %s+%s" % (h1, h2), sorted([h1, h2]), True))
    # independent pairs (neither an ancestor of the other), a few of them
    pairs = []
    for x, y in itertools.combinations(p.upgrade_order(), 2):
        if x not in p.ancestors(y, deps=True) and y not in p.ancestors(x, deps=True):
            pairs.append(sorted([x, y]))
    rnd.shuffle(pairs)
    for pair in pairs[:4]:
        states.append(("pair %s+%s" % tuple(pair), pair, True))
    # an ancestor stored with its descendant (Alembic: "overlaps"), and an unknown id
    for rid in p.upgrade_order():
        anc = sorted(p.ancestors(rid))
        if anc:
            states.append(("overlap %s+%s" % (anc[0], rid), sorted([anc[0], rid]), True))
            break
    states.append(("unknown id", [UNKNOWN_ID], True))
    seen, unique = set(), []
    for s in states:
        key = (tuple(s[1]), s[2])
        if key not in seen:
            seen.add(key)
            unique.append(s)
    return unique


def generic_targets(p, command):
    if command == "upgrade":
        t = ["heads", "head", "+1", "+2"]
        for label in p.labels:
            t += ["%s@head" % label, "%s@heads" % label, "%s@+1" % label]
        t += list(p.heads)
    else:
        t = ["-1", "-2", "base"]
        for label in p.labels:
            t += ["%s@-1" % label, "%s@base" % label]
    return t


def specific_targets(p, command):
    t = list(p.upgrade_order())
    long_ids = [r for r in t if len(r) > 4]
    if long_ids:
        t.append(long_ids[len(long_ids) // 2][:4])  # a prefix
    if command == "upgrade":
        t += ["%s+1" % r for r in t[:2]]
    else:
        t += ["%s-1" % r for r in t[-2:]]
    return t


class BranchyTargets(WriteCase):
    """upgrade/downgrade on branchy fixtures: steps, rows and errors equal Alembic's."""

    def run_project(self, name):
        p = Project(name + "-empty", src=os.path.join(FIXTURES_DIR, name), empty_bodies=True)
        rnd = random.Random(name)
        states = start_states(p, rnd)
        state_dbs = {}
        for i, (sname, rows, table) in enumerate(states):
            path = os.path.join(p.dir, "state%d.db" % i)
            make_state_db(path, rows, table)
            state_dbs[sname] = path
        # every state with the generic targets; a few states with every revision
        rich = {"no table", "all heads"} | {s[0] for s in states if s[0].startswith("at ")
                                             and s[1][0] in p.heads} | {states[len(states) // 2][0]}
        for command in ("upgrade", "downgrade"):
            for sname, rows, _ in states:
                targets = generic_targets(p, command)
                if sname in rich:
                    targets = targets + specific_targets(p, command)
                for target in targets:
                    with self.subTest(project=name, command=command, start=sname, target=target):
                        for db in (p.a, p.b):
                            remove_db(db)
                            shutil.copyfile(state_dbs[sname], db)
                        self.compare_run(p, "%s %s" % (command, target), [command, target],
                                         start_rows=rows, schema=False, resync=False)

    def test_multibase(self):
        self.run_project("multibase")

    def test_labels(self):
        self.run_project("labels")

    def test_merge3(self):
        self.run_project("merge3")

    def test_dependson(self):
        self.run_project("dependson")


class Stamp(WriteCase):
    """stamp: rows equal Alembic's; a sibling-branch stamp warns."""

    def check_stamp(self, p, sname, rows, state_db, args):
        with self.subTest(project=p.name, start=sname, args=" ".join(args)):
            for db in (p.a, p.b):
                remove_db(db)
                shutil.copyfile(state_db, db)
            ar, rr = self.compare_run(p, "stamp", ["stamp"] + args, start_rows=rows, schema=False,
                                      resync=False)
            if ar.rc == 0 and "--purge" not in args:
                after = version_rows(p.a)
                added = [r for r in after if r not in rows]
                sibling = []
                for new in added:
                    lineage = p.ancestors(new, deps=True) | {new}
                    for old in rows:
                        if old in after and old in p.revs and (p.ancestors(old, deps=True) | {old}) & lineage:
                            sibling.append((new, old))
                warned = "adds a second row" in rr.err
                if bool(sibling) != warned:
                    details = ("%s: `stamp %s` from rows %r -> %r: expected %s warning, retort stderr %r"
                               % (p.name, " ".join(args), rows, after,
                                  "a sibling-branch" if sibling else "no sibling-branch", rr.err))
                    self.record("stamp warning", details)
                    self.fail(details)

    def run_project(self, name):
        p = Project(name + "-stamp", src=os.path.join(FIXTURES_DIR, name), empty_bodies=True)
        rnd = random.Random("stamp-" + name)
        states = start_states(p, rnd)
        heads = list(p.heads)
        generic = [["heads"], ["base"]] + [[h] for h in heads]
        generic += [["%s@head" % label] for label in p.labels]
        if len(heads) >= 2:
            generic.append(heads[:2])
        specific = [[r] for r in p.upgrade_order()]
        rich = {"no table", "empty table", "all heads"} | {states[len(states) // 2][0]}
        # a revision and the first revision of each other line: siblings or independent lines
        for i, (sname, rows, table) in enumerate(states):
            state_db = os.path.join(p.dir, "state%d.db" % i)
            make_state_db(state_db, rows, table)
            targets = generic + (specific if sname in rich or sname.startswith("at ") and rnd.random() < 0.3 else [])
            for args in targets:
                self.check_stamp(p, sname, rows, state_db, args)
            if sname in ("unknown id", "all heads"):
                for args in (["--purge", heads[0]], ["--purge", "heads"], ["--purge", "base"]):
                    self.check_stamp(p, sname, rows, state_db, args)

    def test_multibase(self):
        self.run_project("multibase")

    def test_labels(self):
        self.run_project("labels")

    def test_merge3(self):
        self.run_project("merge3")

    def test_dependson(self):
        self.run_project("dependson")


# ---------------------------------------------------------------- 4. --sql

class OfflineSql(WriteCase):
    """--sql scripts give the online result; the text equals Alembic's where it has one."""

    def run_script(self, p, start_db, script, target_db):
        remove_db(target_db)
        shutil.copyfile(start_db, target_db)
        return sqlite3_cli(target_db, script)

    def check_project(self, name, **kw):
        p = Project(name + "-sql", **kw)
        order = p.upgrade_order()
        empty = os.path.join(p.dir, "empty.db")
        make_state_db(empty, [], table=False)

        def online(start_db, argv):
            db = os.path.join(p.dir, "online.db")
            remove_db(db)
            shutil.copyfile(start_db, db)
            r = retort(p, db, *argv, "--no-backup")
            self.assertEqual(r.rc, 0, "online `%s`: %s" % (" ".join(argv), r.err))
            keep = os.path.join(p.dir, "online-%d.db" % len(os.listdir(p.dir)))
            shutil.copyfile(db, keep)
            return keep

        # a and b: revisions whose ancestors are exactly the revisions before them in the
        # upgrade order, so that `upgrade a` from empty is a consistent start for `a:b`
        cuts = [i for i, rid in enumerate(order) if set(order[:i]) == p.ancestors(rid, deps=True)]
        a = order[cuts[len(cuts) // 3]]
        b = None
        for i in cuts[2 * len(cuts) // 3:] + [len(order) - 1]:
            if a in p.ancestors(order[i]):
                b = order[i]
                break
        at_a = online(empty, ["upgrade", a])
        at_b = online(empty, ["upgrade", b]) if b else None
        cases = [("upgrade heads --sql", ["upgrade", "heads", "--sql"], empty, ["upgrade", "heads"])]
        if b:
            cases.append(("upgrade a:b --sql", ["upgrade", "%s:%s" % (a, b), "--sql"], at_a, ["upgrade", b]))
            cases.append(("downgrade b:a --sql", ["downgrade", "%s:%s" % (b, a), "--sql"], at_b, ["downgrade", a]))
        for title, argv, start_db, online_argv in cases:
            # 1. executed by sqlite3 = the online run (Retort's and Alembic's)
            with self.subTest(project=name, case=title, check="sqlite3 runs it = online"):
                STATS["comparisons"] += 1
                rr = retort(p, None, *argv)
                if rr.rc != 0:
                    details = "%s: `retort %s` exit %d: %s" % (name, " ".join(argv), rr.rc, rr.err)
                    self.record("--sql", details)
                    self.fail(details)
                target = os.path.join(p.dir, "offline.db")
                run = self.run_script(p, start_db, rr.out, target)
                problems = []
                if run.rc != 0 or run.err:
                    problems.append("sqlite3 failed on retort's script: exit %d %s" % (run.rc, run.err))
                ref = online(start_db, online_argv)
                s_off, s_on = snapshot(target), snapshot(ref)
                if s_off != s_on:
                    problems.append("sqlite3 + script differs from retort online%s:\n%s" % (annotate(s_on, s_off), diff(s_on, s_off, "online", "offline")))
                # Alembic online from the same start
                remove_db(p.a)
                shutil.copyfile(start_db, p.a)
                ar = self.alembic.run(p.dir, *online_argv)
                if ar.rc == 0:
                    s_al = snapshot(p.a)
                    if s_al != s_off:
                        problems.append("sqlite3 + script differs from alembic online%s:\n%s" % (annotate(s_al, s_off), diff(s_al, s_off, "alembic online", "retort offline")))
                else:
                    problems.append("alembic online `%s` failed: %s" % (" ".join(online_argv), ar.short()))
                if problems:
                    details = "%s: `%s`\n%s" % (name, " ".join(argv), "\n".join(problems))
                    self.record("--sql executed", details)
                    self.fail(details)
            # 2. the text, where Alembic can produce it offline
            with self.subTest(project=name, case=title, check="text = alembic's"):
                ar = self.alembic.run(p.dir, *argv)
                if ar.rc != 0:
                    OfflineSql.unavailable.append("%s `%s`: %s" % (name, " ".join(argv), ar.short()))
                    continue
                STATS["comparisons"] += 1
                if ar.out != rr.out:
                    details = ("%s: `%s --sql` text differs from Alembic's:\n%s"
                               % (name, " ".join(argv), diff(ar.out.splitlines(), rr.out.splitlines())))
                    self.record("--sql text", details)
                    self.fail(details)

    unavailable = []

    def test_gen40(self):
        self.check_project("gen40", gen_args=GENERATED["gen40"])

    def test_gen25b(self):
        self.check_project("gen25b", gen_args=GENERATED["gen25b"])

    def test_alloperations(self):
        self.check_project("alloperations", src=os.path.join(FIXTURES_DIR, "alloperations"))

    def test_demo(self):
        self.check_project("demo", src=DEMO_DIR)

    def test_fixtures_upgrade_heads_text(self):
        """Real (not emptied) fixture histories: `upgrade heads --sql` text and execution."""
        for name in BRANCHY:
            p = Project(name + "-sqltext", src=os.path.join(FIXTURES_DIR, name))
            argv = ["upgrade", "heads", "--sql"]
            with self.subTest(project=name, check="text = alembic's"):
                STATS["comparisons"] += 1
                ar = self.alembic.run(p.dir, *argv)
                rr = retort(p, None, *argv)
                if ar.rc != 0:
                    OfflineSql.unavailable.append("%s `%s`: %s" % (name, " ".join(argv), ar.short()))
                    self.assertEqual(rr.rc, 0, rr.err)
                elif (ar.rc, ar.out) != (rr.rc, rr.out):
                    details = ("%s: `%s` differs from Alembic's (retort exit %d, %s):\n%s"
                               % (name, " ".join(argv), rr.rc, rr.err.strip(),
                                  diff(ar.out.splitlines(), rr.out.splitlines())))
                    self.record("--sql text", details)
                    self.fail(details)
            with self.subTest(project=name, check="sqlite3 runs it = online"):
                STATS["comparisons"] += 1
                empty = os.path.join(p.dir, "empty.db")
                make_state_db(empty, [], table=False)
                target = os.path.join(p.dir, "offline.db")
                run = self.run_script(p, empty, rr.out, target)
                remove_db(p.b)
                shutil.copyfile(empty, p.b)
                on = retort(p, p.b, "upgrade", "heads", "--no-backup")
                problems = []
                if run.rc != 0 or run.err:
                    problems.append("sqlite3 failed: exit %d %s" % (run.rc, run.err))
                if on.rc != 0:
                    problems.append("online upgrade failed: %s" % on.err)
                s_off, s_on = snapshot(target), snapshot(p.b)
                if s_off != s_on:
                    problems.append(diff(s_on, s_off, "online", "offline"))
                if problems:
                    details = "%s: `upgrade heads --sql` executed\n%s" % (name, "\n".join(problems))
                    self.record("--sql executed", details)
                    self.fail(details)


# ---------------------------------------------------------------- 5. failures

FAILING_UPGRADE = '''def upgrade():
    op.create_table(
        "probe_created",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("t0") as batch_op:
        batch_op.alter_column("name", existing_type=sa.String(length=64), nullable=True)
    op.execute("INSERT INTO no_such_table VALUES (1)")


'''

UNTRANSLATABLE = {
    "if statement": ('''def upgrade():
    if op.get_context().dialect.name == "sqlite":
        op.add_column("t0", sa.Column("cond", sa.Integer(), nullable=True))


''', re.compile(r"\bif\b")),
    "op.get_bind()": ('''def upgrade():
    bind = op.get_bind()
    bind.execute(sa.text("UPDATE t0 SET name = name"))


''', re.compile(r"get_bind")),
}


def replace_upgrade(path, new_body):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text, n = re.subn(r"(?ms)^def upgrade\(\):\n.*?(?=^def downgrade)", new_body, text)
    assert n == 1, path
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def bak_files(folder):
    return sorted(f for f in os.listdir(folder) if f.endswith(".bak"))


class Failures(WriteCase):

    def failing_revision(self, p, min_index=10):
        """A plain revision every earlier revision of the upgrade order is an ancestor of."""
        order = p.upgrade_order()
        for i, rid in enumerate(order):
            if i < min_index or len(p.revs[rid]["down"]) != 1:
                continue
            if set(order[:i]) == p.ancestors(rid):
                return i, rid
        raise AssertionError("no suitable revision in %s" % p.name)

    def test_failing_statement_rolls_back_the_step(self):
        p = Project("gen40-failing", gen_args=GENERATED["gen40"])
        order = p.upgrade_order()
        k, bad = self.failing_revision(p)
        parent = p.revs[bad]["down"][0]
        replace_upgrade(p.script_of(bad), FAILING_UPGRADE)
        folder = os.path.join(p.dir, "db")
        os.makedirs(folder)
        db = os.path.join(folder, "app.db")
        make_state_db(db, [], table=False)
        r = retort(p, db, "upgrade", order[3], "--no-backup")
        self.assertEqual(r.rc, 0, r.err)
        original = dump(db)
        # the expected state: the same start upgraded to the failing revision's parent
        expected_db = os.path.join(p.dir, "expected.db")
        shutil.copyfile(db, expected_db)
        r = retort(p, expected_db, "upgrade", parent, "--no-backup")
        self.assertEqual(r.rc, 0, r.err)
        expected = dump(expected_db)
        shutil.copyfile(db, p.a)
        ar = self.alembic.run(p.dir, "upgrade", parent)
        self.assertEqual(ar.rc, 0, ar.err)

        STATS["comparisons"] += 1
        before = bak_files(folder)
        rr = retort(p, db, "upgrade", "heads")
        with self.subTest(check="exit 1, stderr names revision, statement, SQLite's message"):
            problems = []
            if rr.rc != 1:
                problems.append("exit %d, expected 1" % rr.rc)
            for needle in (bad, "INSERT INTO no_such_table VALUES (1)", "no such table"):
                if needle not in rr.err:
                    problems.append("stderr does not contain %r" % needle)
            if problems:
                details = "failing upgrade (revision %s): %s\nstderr:\n%s" % (bad, "; ".join(problems), rr.err)
                self.record("failure report", details)
                self.fail(details)
        with self.subTest(check="dump = dump after upgrading to the previous revision"):
            got = dump(db)
            if got != expected:
                details = ("after the failed step, `sqlite3 .dump` differs from the dump at %s:\n%s"
                           % (parent, diff(expected.splitlines(), got.splitlines(), "expected", "got")))
                self.record("failure atomicity", details)
                self.fail(details)
            s_al = snapshot(p.a)
            if snapshot(db) != s_al:
                details = "after the failed step the schema differs from alembic's upgrade %s:\n%s" % (
                    parent, diff(s_al, snapshot(db)))
                self.record("failure atomicity", details)
                self.fail(details)
        with self.subTest(check="no _alembic_tmp_ table"):
            con = sqlite3.connect(db)
            leftovers = con.execute("SELECT name FROM sqlite_master WHERE name LIKE '\\_alembic\\_tmp\\_%' ESCAPE '\\'").fetchall()
            con.close()
            self.assertEqual(leftovers, [])
        made = [f for f in bak_files(folder) if f not in before]
        with self.subTest(check="backup exists and holds the original"):
            if len(made) != 1:
                details = "expected one new backup beside the database, found %r (stderr %r)" % (made, rr.err)
                self.record("backup", details)
                self.fail(details)
            backup = os.path.join(folder, made[0])
            self.assertTrue(re.fullmatch(r"app\.db\.\d{8}_\d{6}(\.\d+)?\.bak|app\.db\.\d{8}_\d{6}.*\.bak", made[0]), made[0])
            self.assertEqual(dump(backup), original, "the backup does not hold the database as it was")
        with self.subTest(check="restore gives back the original, after a safety backup"):
            failed_dump = dump(db)
            before_restore = bak_files(folder)
            rs = retort(p, db, "restore", backup)
            self.assertEqual(rs.rc, 0, rs.out + rs.err)
            self.assertEqual(dump(db), original, "restore did not give back the original dump")
            safety = [f for f in bak_files(folder) if f not in before_restore]
            if len(safety) != 1:
                details = "restore made %d new backups (%r), expected one safety backup" % (len(safety), safety)
                self.record("restore", details)
                self.fail(details)
            self.assertEqual(dump(os.path.join(folder, safety[0])), failed_dump,
                             "the safety backup does not hold the database as it was before the restore")
            self.assertEqual(dump(backup), original, "the restored backup was changed")
        # Alembic on the same revision, for the record (not asserted: it half-applies on SQLite)
        shutil.copyfile(os.path.join(folder, made[0]) if made else db, p.a)
        ar = self.alembic.run(p.dir, "upgrade", "heads")
        con = sqlite3.connect(p.a)
        Failures.alembic_note = "alembic upgrade heads on the same database: %s; afterwards rows %r, probe_created table present: %s" % (
            ar.short(), version_rows(p.a),
            bool(con.execute("SELECT 1 FROM sqlite_master WHERE name='probe_created'").fetchall()))
        con.close()

    alembic_note = None

    def test_locked_database(self):
        p = Project("gen40-locked", gen_args=GENERATED["gen40"])
        order = p.upgrade_order()
        folder = os.path.join(p.dir, "db")
        os.makedirs(folder)
        db = os.path.join(folder, "app.db")
        make_state_db(db, [], table=False)
        r = retort(p, db, "upgrade", order[3], "--no-backup")
        self.assertEqual(r.rc, 0, r.err)
        for argv in (["upgrade", "heads"], ["downgrade", "base"], ["stamp", "heads"]):
            with self.subTest(command=" ".join(argv)):
                STATS["comparisons"] += 1
                for f in os.listdir(folder):
                    if f.endswith(".jsonl") or f.endswith(".bak"):
                        os.unlink(os.path.join(folder, f))
                state = file_state(db)
                listing = sorted(os.listdir(folder))
                holder = sqlite3.connect(db, isolation_level=None)
                try:
                    holder.execute("BEGIN EXCLUSIVE")
                    holder.execute("INSERT INTO alembic_version (version_num) VALUES ('lock_holder')")
                    t0 = time.monotonic()
                    rr = retort(p, db, *argv)
                    elapsed = time.monotonic() - t0
                    state_during = file_state(db)
                finally:
                    holder.execute("ROLLBACK")
                    holder.close()
                problems = []
                if rr.rc != 5:
                    problems.append("exit %d, expected 5" % rr.rc)
                if state_during != state:
                    problems.append("the database file changed (bytes or mtime)")
                if file_state(db) != state:
                    problems.append("the database file changed after the lock was released")
                left = [f for f in bak_files(folder)]
                if left:
                    problems.append("backup left behind: %r" % left)
                if "Running " in rr.err:
                    problems.append("a step was reported as running")
                if problems:
                    details = "locked database, `retort %s` (%.1f s): %s\nstdout %r\nstderr %r\nfolder before %r after %r" % (
                        " ".join(argv), elapsed, "; ".join(problems), rr.out, rr.err, listing, sorted(os.listdir(folder)))
                    self.record("locked", details)
                    self.fail(details)

    def test_untranslatable_revision(self):
        for case, (body, reason) in UNTRANSLATABLE.items():
            with self.subTest(case=case):
                STATS["comparisons"] += 1
                p = Project("gen40-untranslatable", gen_args=GENERATED["gen40"])
                order = p.upgrade_order()
                bad = [r for r in order[-6:] if len(p.revs[r]["down"]) == 1][0]
                replace_upgrade(p.script_of(bad), body)
                folder = os.path.join(p.dir, "db")
                os.makedirs(folder)
                db = os.path.join(folder, "app.db")
                make_state_db(db, [], table=False)
                r = retort(p, db, "upgrade", order[3], "--no-backup")
                self.assertEqual(r.rc, 0, r.err)
                state = file_state(db)
                before = sorted(os.listdir(folder))
                rr = retort(p, db, "upgrade", "heads")
                problems = []
                if rr.rc != 1:
                    problems.append("exit %d, expected 1" % rr.rc)
                if bad not in rr.err:
                    problems.append("stderr does not name revision %s" % bad)
                if not reason.search(rr.err):
                    problems.append("stderr does not give the reason (%s)" % reason.pattern)
                if "Running " in rr.err:
                    problems.append("steps ran")
                if file_state(db) != state:
                    problems.append("the database changed")
                if bak_files(folder) != [f for f in before if f.endswith(".bak")]:
                    problems.append("a backup was made: %r" % sorted(os.listdir(folder)))
                if problems:
                    details = "untranslatable revision (%s) in %s: %s\nstderr:\n%s" % (case, bad, "; ".join(problems), rr.err)
                    self.record("untranslatable", details)
                    self.fail(details)
                # a target below the revision still works
                parent = p.revs[bad]["down"][0]
                ok = retort(p, db, "upgrade", parent, "--no-backup")
                self.assertEqual(ok.rc, 0, "upgrade to %s (below the untranslatable %s): %s" % (parent, bad, ok.err))


# ---------------------------------------------------------------- main

def preflight():
    problems = []
    if not OPTS.retort or not os.access(OPTS.retort, os.X_OK):
        problems.append("the retort binary %r is missing (--retort PATH)" % OPTS.retort)
    if not os.access(PYTHON, os.X_OK):
        problems.append("%s is missing" % PYTHON)
    else:
        p = subprocess.run([PYTHON, "-c", "import alembic, sqlalchemy; print(alembic.__version__)"],
                           capture_output=True)
        if p.returncode != 0:
            problems.append("%s cannot import alembic (apt install python3-alembic)" % PYTHON)
    if sys.executable != PYTHON and os.path.realpath(sys.executable) != os.path.realpath(PYTHON):
        try:
            import alembic  # noqa: F401
        except ImportError:
            problems.append("run this driver with %s (it forks the reference Alembic)" % PYTHON)
    OPTS.sqlite3 = shutil.which("sqlite3")
    if not OPTS.sqlite3:
        problems.append("the sqlite3 command-line shell is missing (apt install sqlite3)")
    if problems:
        for m in problems:
            sys.stderr.write("write_conformance: FAIL: %s\n" % m)
        sys.exit(1)


def main():
    global OPTS, WORK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--retort", help="path of the retort binary")
    ap.add_argument("--report", metavar="FILE", help="write every disagreement as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    OPTS, rest = ap.parse_known_args()
    if OPTS.retort:
        OPTS.retort = os.path.abspath(OPTS.retort)
    preflight()
    WORK = os.path.realpath(tempfile.mkdtemp(prefix="retort-write-conformance-"))
    copy = os.path.join(WORK, "retort-under-test")
    shutil.copy2(OPTS.retort, copy)  # a rebuild during the run cannot mix two binaries
    OPTS.retort = copy
    started = time.monotonic()
    try:
        prog = unittest.main(argv=[sys.argv[0]] + rest, exit=False)
        ok = prog.result.wasSuccessful()
    finally:
        out = sys.stderr
        out.write("\n%d comparisons, %d disagreements, %.0f s\n"
                  % (STATS["comparisons"], len(STATS["disagreements"]), time.monotonic() - started))
        if OfflineSql.unavailable:
            out.write("Alembic cannot produce offline SQL for (no text comparison):\n")
            for u in OfflineSql.unavailable:
                out.write("  %s\n" % u)
        if Failures.alembic_note:
            out.write("For the record: %s\n" % Failures.alembic_note)
        if OPTS.report:
            with open(OPTS.report, "w", encoding="utf-8") as f:
                json.dump({"comparisons": STATS["comparisons"], "disagreements": STATS["disagreements"],
                           "alembic_offline_unavailable": OfflineSql.unavailable}, f, indent=1)
        if OPTS.keep:
            out.write("kept %s\n" % WORK)
        else:
            shutil.rmtree(WORK, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
