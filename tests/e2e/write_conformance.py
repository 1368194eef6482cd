#!/usr/bin/python3
"""End-to-end acceptance tests of Retort's write path against the real Alembic.

Every comparison runs the same command with the reference Alembic (Debian's
python3-alembic 1.8.1 through tests/conformance/alembic_sorted.py, which lists
revision files sorted, as Retort does; imported once, one forked child per
command) on database A and with ``retort`` on database B, both starting from
the same bytes, and compares:

- the exit status and stdout (0, or 255 with the same ``FAILED: ...`` line);
- the steps run: Alembic's ``INFO  [alembic.runtime.migration] Running upgrade
  a -> b, doc`` lines against Retort's ``Running upgrade a -> b, doc`` lines;
- the resulting database: a normalised schema (sqlite_master type, name,
  tbl_name and SQL with whitespace collapsed; PRAGMA table_xinfo, index_list +
  index_info, foreign_key_list of every table), the rows of every other table,
  and the alembic_version rows as a set.

Normalisation covers only what Alembic itself does not do the same way twice:
the order of the table constraints in a batch rebuild's CREATE TABLE (and so
the ids of PRAGMA foreign_key_list) comes from a Python set and changes with
PYTHONHASHSEED, so constraints are sorted; CURRENT_TIMESTAMP values of the
last hours read "<now>". In ``--sql`` text, the row a merge step deletes also
comes from a set: when Retort's text differs, Alembic is run again under 12
hash seeds and any of its texts is accepted (and listed in the summary).

Where Alembic crashes with a Python exception of its own (KeyError,
AssertionError... rather than ``FAILED:``), there is no message to match:
Retort must then refuse with ``FAILED: ...`` (exit 255), run nothing and leave
the rows as they were; those cases are listed in the summary. A migration that
fails inside SQLAlchemy/SQLite is not a crash: both must fail alike (exit 1).

Suites (one unittest class each, one subTest per comparison):

1. StepByStep: generated histories (40 revisions / branch every 7; 25 / 5 /
   seed b), the ``alloperations`` and ``rendered`` fixtures (the latter with a
   revision only the Alembic renderer turns into SQL) and the demo: upgrade to every
   revision in Alembic's upgrade order (``history`` reversed), ``upgrade
   heads``, downgrade to every revision newest first, ``downgrade base``,
   ``downgrade -1`` repeatedly from the heads, and ``upgrade heads`` /
   ``downgrade base`` in one go (with backups on).
2. BranchyTargets: the fixtures multibase, labels, merge3, dependson with
   empty upgrade()/downgrade() bodies (so any version rows can be a start):
   upgrade/downgrade from many start rows to heads, head, each head,
   label@head, label@heads, +1, +2, label@+1, -1, -2, label@-1, label@base,
   base, each revision, a prefix, rev+1, rev-1.
3. Stamp: the same projects, ``stamp`` to many targets from many rows,
   including a sibling branch (two rows and Retort's warning; ``stamp heads``
   must not warn), ``stamp base``, several targets, ``stamp --purge`` over an
   unknown id.
4. OfflineSql: ``upgrade heads --sql``, ``upgrade a:b --sql`` and ``downgrade
   b:a --sql`` run by ``sqlite3`` give the online result (Retort's and
   Alembic's); Retort's text equals Alembic's byte for byte wherever Alembic
   can write it offline (not with batch operations that reflect a table).
5. Failures: a failing statement rolls its step back completely (dump equal
   to the previous revision's, no _alembic_tmp_ table, backup + restore, audit
   entry); a locked database (exit 5, nothing changed, no backup left);
   revisions that cannot be translated: with ``--python none`` exit 1 before
   anything runs (and they can still be stamped), with the default renderer
   the same database as Alembic's and the same ``--sql`` text; the renderer
   failing (an exception in the revision, a timeout, no interpreter, no
   Alembic): exit 1 before anything runs, naming revision and cause.

    /usr/bin/python3 tests/e2e/write_conformance.py --retort build/app/retort [-v] [-k PATTERN]
        [--report FILE.json] [--keep] [--jobs N]

Databases start as empty (0-byte) files: Retort refuses to create a missing
database, Alembic creates it. Where the tools disagree after a step, database
B is reset to a copy of A so the following comparisons stay independent.
Missing Alembic, sqlite3 or the retort binary is a failure, never a skip.
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
STATS = {"comparisons": 0, "disagreements": [], "alembic_crashes": [], "durations": [],
         "sibling_stamps": 0}
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


def _read_result(rc, out_path, err_path):
    with open(out_path, encoding="utf-8", errors="surrogateescape") as f:
        out = f.read()
    with open(err_path, encoding="utf-8", errors="replace") as f:
        err = f.read()
    return Result(rc, out, err)


class Alembic:
    """The reference: alembic_sorted.py imported once, one forked child per command
    (what its --batch mode does), so that a command costs a fork, not a start-up."""

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
        self.serial = 0

    def start(self, cwd, ini, argv):
        self.serial += 1
        out_path = os.path.join(self.tmp, "out%d" % self.serial)
        err_path = os.path.join(self.tmp, "err%d" % self.serial)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                self.mod._child({"cwd": cwd, "argv": ["-c", ini] + list(argv)}, out_path, err_path)
            finally:
                os._exit(1)  # _child never returns
        return (pid, out_path, err_path)

    @staticmethod
    def poll(handle, block=False):
        pid, out_path, err_path = handle
        done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
        if done == 0:
            return None
        result = _read_result(os.waitstatus_to_exitcode(status), out_path, err_path)
        os.unlink(out_path)
        os.unlink(err_path)
        return result

    def run(self, cwd, *argv, ini="alembic.ini"):
        return self.poll(self.start(cwd, ini, argv), block=True)


RETORT_SERIAL = [0]


def retort_start(project, db, args, cwd=None):
    argv = [OPTS.retort, "--lang", "en", "-c", project.ini]
    if db is not None:
        argv += ["--db", db]
    argv += list(args)
    env = dict(os.environ, LC_ALL="C.UTF-8", QT_QPA_PLATFORM="offscreen")
    RETORT_SERIAL[0] += 1
    out_path = os.path.join(WORK, "retort-out%d" % RETORT_SERIAL[0])
    err_path = os.path.join(WORK, "retort-err%d" % RETORT_SERIAL[0])
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(argv, cwd=cwd or project.dir, env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)
    return (proc, out_path, err_path, time.monotonic())


def retort_poll(handle, block=False):
    proc, out_path, err_path, started = handle
    if block:
        try:
            proc.wait(timeout=RETORT_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    elif proc.poll() is None:
        if time.monotonic() - started > RETORT_TIMEOUT:
            proc.kill()
            proc.wait()
        else:
            return None
    result = _read_result(proc.returncode, out_path, err_path)
    os.unlink(out_path)
    os.unlink(err_path)
    return result


def alembic_hash_variants(project, argv, seeds=range(12)):
    """Alembic's stdout under several PYTHONHASHSEED values (it orders some sets by hash)."""
    outs = set()
    for seed in seeds:
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        p = subprocess.run([PYTHON, WRAPPER, "-c", "alembic.ini"] + list(argv), cwd=project.dir, env=env,
                           capture_output=True, timeout=300)
        if p.returncode == 0:
            outs.add(p.stdout.decode("utf-8", "surrogateescape"))
    return outs


def retort(project, db, *args, cwd=None):
    return retort_poll(retort_start(project, db, args, cwd), block=True)


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


def split_top_level(body):
    """Splits a CREATE TABLE body on the commas outside parentheses and quotes."""
    items, depth, quote, cur = [], 0, None, []
    for ch in body:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"`[":
            quote = "]" if ch == "[" else ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append("".join(cur).strip())
            cur = []
            continue
        cur.append(ch)
    items.append("".join(cur).strip())
    return items


CONSTRAINT_RE = re.compile(r"^(CONSTRAINT\b|PRIMARY\s+KEY\b|UNIQUE\b|FOREIGN\s+KEY\b|CHECK\b)", re.I)


def normalise_table_sql(sql):
    """Whitespace collapsed, and the table constraints sorted: Alembic emits the constraints
    of a batch rebuild from a Python set, in an order that changes with PYTHONHASHSEED."""
    sql = collapse(sql)
    if sql is None:
        return None
    open_at, close_at = sql.find("("), sql.rfind(")")
    if open_at < 0 or close_at < open_at:
        return sql
    body = sql[open_at + 1:close_at]
    items = split_top_level(body)
    columns = [i for i in items if not CONSTRAINT_RE.match(i)]
    constraints = [i for i in items if CONSTRAINT_RE.match(i)]
    if items == columns + sorted(constraints):
        return sql
    lead = body[:len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()):]
    return "%s%s%s%s%s" % (sql[:open_at + 1], lead, ", ".join(columns + sorted(constraints)), trail,
                           sql[close_at:])


# The reference is Alembic 1.8.1 on SQLAlchemy 1.4 (Debian 12). On SQLAlchemy 2 (the
# Debian 13 test stage) Alembic writes two things differently, and only these are
# normalised there (on Debian 12 the comparison stays byte for byte):
#  - a server default that is a single word loses its parentheses: sa.true() is
#    "DEFAULT 1", not "DEFAULT (1)" (SQLiteDDLCompiler.get_column_specification), so
#    both databases are compared with such parentheses dropped;
#  - the offline INSERT of a version row ends in "RETURNING version_num" (SQLite
#    has RETURNING since 3.35 and SQLAlchemy 2 uses it for a literal key value),
#    which is dropped from Alembic's text.
def _sqlalchemy_major():
    try:
        import sqlalchemy
    except ImportError:  # preflight() reports it
        return 0
    return int(sqlalchemy.__version__.split(".")[0])


SQLALCHEMY_2 = _sqlalchemy_major() >= 2
WORD_DEFAULT_RE = re.compile(r"\bDEFAULT \((\w+)\)")
VERSION_INSERT_RETURNING_RE = re.compile(
    r"(?m)^(INSERT INTO \S+ \(version_num\) VALUES \('[^']*'\)) RETURNING version_num;$")


def without_word_default_parentheses(sql):
    return WORD_DEFAULT_RE.sub(r"DEFAULT \1", sql) if SQLALCHEMY_2 and sql else sql


def as_sqlalchemy_1_4_text(text):
    """Alembic's offline SQL as SQLAlchemy 1.4 writes it (see above)."""
    return VERSION_INSERT_RETURNING_RE.sub(r"\1;", text) if SQLALCHEMY_2 else text


NOW_RE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def mask_now(value):
    """CURRENT_TIMESTAMP defaults differ by the second between the two runs."""
    if isinstance(value, str) and NOW_RE.match(value):
        import datetime
        try:
            t = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return value
        if abs((datetime.datetime.utcnow() - t).total_seconds()) < 6 * 3600:
            return "<now>"
    return value


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
            text = (normalise_table_sql(without_word_default_parentheses(sql)) if typ == "table"
                    else collapse(sql))
            lines.append("%s %s (on %s): %s" % (typ, name, tbl, text))
        tables = sorted(r[1] for r in master if r[0] == "table")
        for t in tables:
            q = _quote(t)
            for row in con.execute("PRAGMA table_xinfo(%s)" % q):
                row = list(row)  # cid, name, type, notnull, dflt_value, pk, hidden
                if SQLALCHEMY_2 and isinstance(row[4], str):
                    row[4] = re.sub(r"^\((\w+)\)$", r"\1", row[4])
                lines.append("%s column %r" % (t, tuple(row)))
            indexes = sorted((r[1], r[2], r[3], r[4]) for r in con.execute("PRAGMA index_list(%s)" % q))
            for name, unique, origin, partial in indexes:
                info = [tuple(r) for r in con.execute("PRAGMA index_info(%s)" % _quote(name))]
                lines.append("%s index %s unique=%s origin=%s partial=%s cols=%r"
                             % (t, name, unique, origin, partial, info))
            # (the id of a foreign key follows the constraint order: grouped, not numbered)
            keys = {}
            for row in con.execute("PRAGMA foreign_key_list(%s)" % q):
                keys.setdefault(row[0], []).append(tuple(row[1:]))
            for key in sorted(sorted(k) for k in keys.values()):
                lines.append("%s foreign key %r" % (t, key))
        if "alembic_version" in tables:
            rows = sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version"))
            lines.append("alembic_version rows %r" % (rows,))
        if with_data:
            for t in tables:
                if t == "alembic_version":
                    continue
                for row in sorted(repr(tuple(mask_now(v) for v in r))
                                  for r in con.execute("SELECT * FROM %s" % _quote(t))):
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


EXCEPTION_LINE_RE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception))\b")


def alembic_crashed(result):
    """Alembic ended with a Python traceback from its own code, instead of `FAILED: ...`.
    A migration that fails in SQLAlchemy or SQLite (sqlalchemy.exc.*) is not a crash:
    Retort must then fail the same way (exit 1) and is compared as usual."""
    if result.rc in (0, 255) or "Traceback (most recent call last)" not in result.err:
        return False
    names = [m.group(1) for m in map(EXCEPTION_LINE_RE.match, result.err.splitlines()) if m]
    return not (names and names[-1].startswith(("sqlalchemy.", "sqlite3.")))


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

    def slot(self, slot):
        """(ini, A, B) of a worker slot; None = alembic.ini, alembic.db, retort.db."""
        if slot is None:
            return "alembic.ini", self.a, self.b
        ini = "alembic-s%d.ini" % slot
        path = os.path.join(self.dir, ini)
        if not os.path.exists(path):
            with open(self.ini, encoding="utf-8") as f:
                text = f.read()
            text = text.replace("sqlite:///%(here)s/alembic.db", "sqlite:///%%(here)s/alembic-s%d.db" % slot)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return ini, os.path.join(self.dir, "alembic-s%d.db" % slot), os.path.join(self.dir, "retort-s%d.db" % slot)

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

    def setUp(self):
        self._started = time.monotonic()

    def tearDown(self):
        STATS["durations"].append((self.id().split(".", 1)[-1], time.monotonic() - self._started))

    def record(self, what, details):
        STATS["disagreements"].append({"test": self.id(), "what": what, "details": details})

    def run_pair(self, project, argv, slot=None, retort_extra=("--no-backup",)):
        """argv with Alembic on A and Retort on B, the two running side by side."""
        ini, a, b = project.slot(slot)
        rh = retort_start(project, b, list(argv) + list(retort_extra))
        ah = self.alembic.start(project.dir, ini, argv)
        return self.alembic.poll(ah, block=True), retort_poll(rh, block=True)

    def run_bulk(self, project, jobs):
        """Independent jobs (state_db, argv) on OPTS.jobs slots at once; [(ar, rr, rows_a, rows_b)]."""
        results = [None] * len(jobs)
        pending = list(enumerate(jobs))
        active = {}  # slot -> [index, alembic handle, retort handle, alembic result, retort result]
        free = list(range(OPTS.jobs))
        while pending or active:
            while pending and free:
                slot = free.pop()
                index, (state_db, argv) = pending.pop(0)
                _, a, b = project.slot(slot)
                for db in (a, b):
                    remove_db(db)
                    shutil.copyfile(state_db, db)
                rh = retort_start(project, b, list(argv) + ["--no-backup"])
                ah = self.alembic.start(project.dir, project.slot(slot)[0], argv)
                active[slot] = [index, ah, rh, None, None]
            progressed = False
            for slot, entry in list(active.items()):
                if entry[3] is None:
                    entry[3] = self.alembic.poll(entry[1])
                if entry[4] is None:
                    entry[4] = retort_poll(entry[2])
                if entry[3] is not None and entry[4] is not None:
                    _, a, b = project.slot(slot)
                    results[entry[0]] = (entry[3], entry[4], version_rows(a), version_rows(b))
                    del active[slot]
                    free.append(slot)
                    progressed = True
            if not progressed:
                time.sleep(0.005)
        return results

    @staticmethod
    def crash_problems(p, argv, rows, ar, rr, rows_a, rows_b):
        """Alembic died with a Python exception (not a CommandError): Retort must refuse
        cleanly, Alembic-style, and leave the version rows as they were."""
        crash = ar.err.strip().splitlines()[-1]
        STATS["alembic_crashes"].append("%s: `%s` from rows %r: alembic %s (after %d step(s), rows left %r); retort exit %d %s"
                                        % (p.name, " ".join(argv), rows, crash, len(ar.steps()),
                                           rows_a, rr.rc, rr.out.strip() or rr.err.strip()))
        problems = []
        if rr.rc != 255 or not rr.out.startswith("FAILED: "):
            problems.append("alembic crashed (%s); retort should fail with `FAILED: ...` (exit 255), got exit %d, stdout %r, stderr %r"
                            % (crash, rr.rc, rr.out, rr.err[-300:]))
        if rows_b != sorted(rows):
            problems.append("alembic crashed (%s); retort changed the rows %r -> %r" % (crash, rows, rows_b))
        if rr.steps():
            problems.append("alembic crashed (%s); retort ran steps %r" % (crash, rr.steps()))
        return problems

    @staticmethod
    def problems_of(ar, rr, check_steps=True):
        problems = []
        if ar.rc != rr.rc or ar.out != rr.out:
            problems.append("exit status / stdout differ:\n  alembic: exit %d, stdout %r%s\n  retort:  exit %d, stdout %r, stderr %r"
                            % (ar.rc, ar.out, "" if ar.rc in (0, 255) else ", stderr tail %r" % ar.err[-400:],
                               rr.rc, rr.out, rr.err[-400:]))
        if check_steps and ar.steps() != rr.steps():
            problems.append("steps differ:\n" + diff(ar.steps(), rr.steps()))
        return problems

    def compare_run(self, project, label, argv, start_rows=None, check_steps=True, resync=True):
        """Runs argv with both tools on their databases and compares everything."""
        STATS["comparisons"] += 1
        ar, rr = self.run_pair(project, argv)
        if alembic_crashed(ar):
            problems = self.crash_problems(project, argv, start_rows, ar, rr, version_rows(project.a),
                                           version_rows(project.b))
            if problems:
                self.record("alembic crash: " + label, "\n".join(problems))
                self.fail("\n".join(problems))
            remove_db(project.a)
            shutil.copyfile(project.b, project.a)  # go on from Retort's (unchanged) state
            return ar, rr
        problems = self.problems_of(ar, rr, check_steps)
        sa, sb = snapshot(project.a), snapshot(project.b)
        if sa != sb:
            problems.append("database differs (alembic = A, retort = B)%s:\n%s" % (annotate(sa, sb), diff(sa, sb)))
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

    def test_rendered(self):
        """A revision only the Alembic renderer turns into SQL (/usr/bin/python3, the default)."""
        self.run_project("rendered", src=os.path.join(FIXTURES_DIR, "rendered"))


# ---------------------------------------------------------------- 2./3. branchy histories

def start_states(p, rnd, empty_table=True):
    """(name, rows, has_table) starting points for a project with empty bodies."""
    states = [("no table", [], False)]
    if empty_table:
        states.append(("empty table", [], True))
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
    for pair in pairs[:3]:
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


def rich_states(p, states):
    """The states that are also tried with every revision as the target."""
    first_head = [s[0] for s in states if s[1] == [p.heads[0]]]
    return {"no table", "all heads", states[len(states) // 2][0]} | set(first_head)


def generic_targets(p, command, rich):
    if command == "upgrade":
        t = ["heads", "head", "+1", "+2"] + list(p.heads)
        for label in p.labels:
            t += ["%s@head" % label, "%s@+1" % label] + (["%s@heads" % label] if rich else [])
    else:
        t = ["-1", "-2", "base"]
        for label in p.labels:
            t += ["%s@-1" % label] + (["%s@base" % label] if rich else [])
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


class BulkCase(WriteCase):
    """Runs a list of (start state, command) jobs in parallel, then compares each in a subTest."""

    def check_jobs(self, p, jobs, extra_check=None):
        # jobs: [(label, start name, start rows, state db, argv)]
        results = self.run_bulk(p, [(j[3], j[4]) for j in jobs])
        for (label, sname, rows, _, argv), (ar, rr, rows_a, rows_b) in zip(jobs, results):
            with self.subTest(project=p.name, start=sname, command=" ".join(argv)):
                STATS["comparisons"] += 1
                if alembic_crashed(ar):
                    problems = self.crash_problems(p, argv, rows, ar, rr, rows_a, rows_b)
                else:
                    problems = self.problems_of(ar, rr)
                    if rows_a != rows_b:
                        problems.append("version rows differ: alembic %r, retort %r" % (rows_a, rows_b))
                if not problems and extra_check:
                    problems += extra_check(p, rows, argv, ar, rr, rows_a)
                if problems:
                    details = "%s: `%s` from rows %r (%s)\n%s" % (p.name, " ".join(argv), rows, sname,
                                                                  "\n".join(problems))
                    self.record(label, details)
                    self.fail(details)

    @staticmethod
    def state_dbs(p, states):
        paths = []
        for i, (_, rows, table) in enumerate(states):
            path = os.path.join(p.dir, "state%d.db" % i)
            make_state_db(path, rows, table)
            paths.append(path)
        return paths


class BranchyTargets(BulkCase):
    """upgrade/downgrade on branchy fixtures: steps, rows and errors equal Alembic's."""

    def run_project(self, name):
        p = Project(name + "-empty", src=os.path.join(FIXTURES_DIR, name), empty_bodies=True)
        states = start_states(p, random.Random(name), empty_table=False)
        paths = self.state_dbs(p, states)
        rich = rich_states(p, states)
        jobs = []
        for command in ("upgrade", "downgrade"):
            for (sname, rows, _), path in zip(states, paths):
                targets = generic_targets(p, command, sname in rich)
                if sname in rich:
                    targets = targets + specific_targets(p, command)
                for target in targets:
                    jobs.append(("%s %s" % (command, target), sname, rows, path, [command, target]))
        self.check_jobs(p, jobs)

    def test_multibase(self):
        self.run_project("multibase")

    def test_labels(self):
        self.run_project("labels")

    def test_merge3(self):
        self.run_project("merge3")

    def test_dependson(self):
        self.run_project("dependson")


def sibling_warning_check(p, rows, argv, ar, rr, after):
    """Retort warns when a stamp adds a row beside a stored row of a sibling branch (one
    sharing a down_revision ancestor), and only then. `stamp heads` is the state
    `upgrade heads` leaves: never a warning. Several explicit targets are not judged."""
    targets = [a for a in argv[1:] if not a.startswith("--")]
    if ar.rc != 0 or "--purge" in argv or len(targets) != 1:
        return []
    warned = "adds a second row" in rr.err
    if targets == ["heads"]:
        return ["`stamp heads` warned about a sibling branch: %r" % rr.err] if warned else []
    sibling = []
    if len(after) > len(rows):
        for new in (r for r in after if r not in rows):
            lineage = p.ancestors(new) | {new}
            for old in rows:
                if old in after and old in p.revs and (p.ancestors(old) | {old}) & lineage:
                    sibling.append((new, old))
    if sibling:
        STATS["sibling_stamps"] += 1
    if bool(sibling) == warned:
        return []
    return ["rows %r -> %r: expected %s, retort's stderr %r"
            % (rows, after, "a warning about the sibling branch (%s beside %s)" % sibling[0] if sibling
               else "no sibling-branch warning", rr.err)]


class Stamp(BulkCase):
    """stamp: rows equal Alembic's; a stamp onto a sibling branch warns."""

    def run_project(self, name):
        p = Project(name + "-stamp", src=os.path.join(FIXTURES_DIR, name), empty_bodies=True)
        rnd = random.Random("stamp-" + name)
        states = start_states(p, rnd)
        paths = self.state_dbs(p, states)
        heads = list(p.heads)
        generic = [["heads"], ["base"]] + [[h] for h in heads]
        generic += [["%s@head" % label] for label in p.labels]
        if len(heads) >= 2:
            generic.append(heads[:2])
        specific = [[r] for r in p.upgrade_order()]
        rich = rich_states(p, states) | {"empty table"}
        jobs = []
        for (sname, rows, _), path in zip(states, paths):
            targets = generic
            if sname in rich:
                targets = generic + specific
            if sname in ("unknown id", "all heads"):
                targets = targets + [["--purge", heads[0]], ["--purge", "heads"], ["--purge", "base"]]
            for args in targets:
                jobs.append(("stamp", sname, rows, path, ["stamp"] + args))
        self.check_jobs(p, jobs, extra_check=sibling_warning_check)

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
                self.check_sql_text(p, argv, ar, rr)

    unavailable = []
    hash_dependent = []

    def check_sql_text(self, p, argv, ar, rr):
        """Byte for byte; where Alembic's own text depends on PYTHONHASHSEED (the row a
        merge step deletes comes from a set), any of its variants is accepted."""
        if rr.rc == 0 and as_sqlalchemy_1_4_text(ar.out) == rr.out:
            return
        if rr.rc == 0:
            variants = [as_sqlalchemy_1_4_text(v) for v in alembic_hash_variants(p, argv)]
            if rr.out in variants:
                OfflineSql.hash_dependent.append("%s `%s`: Alembic prints %d different texts under 12 hash seeds; "
                                                 "Retort's is one of them" % (p.name, " ".join(argv), len(variants)))
                return
        details = ("%s: `%s` text differs from Alembic's (retort exit %d%s):\n%s"
                   % (p.name, " ".join(argv), rr.rc, (", " + rr.err.strip()) if rr.err.strip() else "",
                      diff(as_sqlalchemy_1_4_text(ar.out).splitlines(), rr.out.splitlines())))
        self.record("--sql text", details)
        self.fail(details)

    def test_gen40(self):
        self.check_project("gen40", gen_args=GENERATED["gen40"])

    def test_gen25b(self):
        self.check_project("gen25b", gen_args=GENERATED["gen25b"])

    def test_alloperations(self):
        self.check_project("alloperations", src=os.path.join(FIXTURES_DIR, "alloperations"))

    def test_demo(self):
        self.check_project("demo", src=DEMO_DIR)

    def test_rendered(self):
        self.check_project("rendered", src=os.path.join(FIXTURES_DIR, "rendered"))

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
                else:
                    self.check_sql_text(p, argv, ar, rr)
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
                    problems.append("sqlite3 + script differs from retort online%s:\n%s"
                                    % (annotate(s_on, s_off), diff(s_on, s_off, "online", "offline")))
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
    "loop over a helper": ('''def _column(name):
    return sa.Column(name, sa.String(length=12), nullable=True)


def upgrade():
    for name in ("extra_a", "extra_b"):
        op.add_column("t0", _column(name))


''', re.compile(r"\bfor\b|_column")),
}

# Revisions the renderer itself fails on, and the failure Retort must name.
RENDERER_FAILURES = {
    "exception in upgrade()": ('''def upgrade():
    if op.get_context().dialect.name == "sqlite":
        raise RuntimeError("refusing on purpose")


''', [], re.compile(r"upgrade\(\) raised an exception \(.*:\d+\): RuntimeError: refusing on purpose")),
    "timeout": ('''def upgrade():
    import time
    if True:
        time.sleep(120)


''', ["--python-timeout", "2"], re.compile(r"did not finish within 2 s")),
    "no such interpreter": (UNTRANSLATABLE["if statement"][0], ["--python", "/nonexistent/python3"],
                            re.compile(r"cannot start the Python interpreter /nonexistent/python3")),
    "python without alembic": (UNTRANSLATABLE["if statement"][0], ["--python", "<no-alembic>"],
                               re.compile(r"cannot import Alembic: ModuleNotFoundError")),
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
        with self.subTest(check="audit log records the failure"):
            with open(db + ".retort-audit.jsonl", encoding="utf-8") as f:
                entry = json.loads(f.read().splitlines()[-1])
            self.assertEqual((entry.get("action"), entry.get("outcome"), entry.get("rowsAfter")),
                             ("upgrade", "failed", [parent]), entry)
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

    def project_with(self, name, body):
        """gen40 with the upgrade() of a late plain revision replaced; the database
        upgraded to the 4th revision. (project, revision, db, folder)"""
        p = Project(name, gen_args=GENERATED["gen40"])
        order = p.upgrade_order()
        bad = [r for r in order[-6:] if len(p.revs[r]["down"]) == 1][0]
        replace_upgrade(p.script_of(bad), body)
        folder = os.path.join(p.dir, "db")
        os.makedirs(folder)
        db = os.path.join(folder, "app.db")
        make_state_db(db, [], table=False)
        r = retort(p, db, "upgrade", order[3], "--no-backup")
        self.assertEqual(r.rc, 0, r.err)
        return p, bad, db, folder

    def refused_problems(self, rr, bad, reason, db, state, folder, before):
        """Exit 1 before anything ran: revision and reason named, database and folder unchanged."""
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
        if sorted(os.listdir(folder)) != before:
            problems.append("files appeared or went: %r -> %r" % (before, sorted(os.listdir(folder))))
        return problems

    def test_untranslatable_revision(self):
        """Without the Alembic renderer (--python none) the run is refused before anything
        happens, saying what the renderer would need; a target below still works. With it
        (the default), the same revisions run and give Alembic's database."""
        for case, (body, reason) in UNTRANSLATABLE.items():
            with self.subTest(case=case, renderer="none"):
                STATS["comparisons"] += 1
                p, bad, db, folder = self.project_with("gen40-untranslatable", body)
                state, before = file_state(db), sorted(os.listdir(folder))
                rr = retort(p, db, "upgrade", "heads", "--python", "none")
                problems = self.refused_problems(rr, bad, reason, db, state, folder, before)
                for needle in ("can be stamped", "--python PATH", "turned off"):
                    if needle not in rr.err:
                        problems.append("stderr does not say %r" % needle)
                if problems:
                    details = "untranslatable revision (%s) in %s: %s\nstderr:\n%s" % (case, bad, "; ".join(problems), rr.err)
                    self.record("untranslatable", details)
                    self.fail(details)
                # a target below the revision still works, and stamping over it too
                parent = p.revs[bad]["down"][0]
                ok = retort(p, db, "upgrade", parent, "--no-backup", "--python", "none")
                self.assertEqual(ok.rc, 0, "upgrade to %s (below the untranslatable %s): %s" % (parent, bad, ok.err))
                ok = retort(p, db, "stamp", bad, "--no-backup")
                self.assertEqual((ok.rc, version_rows(db)), (0, [bad]), ok.err)
            with self.subTest(case=case, renderer="default"):
                STATS["comparisons"] += 1
                p, bad, db, _ = self.project_with("gen40-rendered", body)
                shutil.copyfile(db, p.a)
                shutil.copyfile(db, p.b)
                ar, rr = self.compare_run(p, "rendered revision", ["upgrade", "heads"],
                                          start_rows=version_rows(db), resync=False)
                self.assertEqual(rr.rc, 0, rr.err)
                if "note: revision %s is rendered by Alembic (/usr/bin/python3)" % bad not in rr.err:
                    details = "no note that %s was rendered by Alembic: %r" % (bad, rr.err)
                    self.record("rendered", details)
                    self.fail(details)
            with self.subTest(case=case, renderer="default", check="--sql text = alembic's"):
                # No batch rebuild here: Alembic can write this offline itself.
                STATS["comparisons"] += 1
                argv = ["upgrade", "%s:%s" % (p.revs[bad]["down"][0], bad), "--sql"]
                ar = self.alembic.run(p.dir, *argv)
                self.assertEqual(ar.rc, 0, ar.err)
                OfflineSql.check_sql_text(self, p, argv, ar, retort(p, None, *argv))

    def test_renderer_failures(self):
        """The renderer cannot give the SQL (an exception in the revision, a timeout, no
        interpreter, no Alembic): exit 1 before anything ran, naming revision and cause."""
        no_alembic = os.path.join(WORK, "python-without-alembic")
        with open(no_alembic, "w") as f:
            f.write("#!/bin/sh\nexec %s -S \"$@\"\n" % PYTHON)  # -S: no dist-packages
        os.chmod(no_alembic, 0o755)
        for case, (body, options, reason) in RENDERER_FAILURES.items():
            with self.subTest(case=case):
                STATS["comparisons"] += 1
                options = [no_alembic if o == "<no-alembic>" else o for o in options]
                p, bad, db, folder = self.project_with("gen40-renderer-failure", body)
                state, before = file_state(db), sorted(os.listdir(folder))
                started = time.monotonic()
                rr = retort(p, db, "upgrade", "heads", *options)
                problems = self.refused_problems(rr, bad, reason, db, state, folder, before)
                if case == "timeout" and time.monotonic() - started > 60:
                    problems.append("the 2 s timeout took %.0f s" % (time.monotonic() - started))
                if problems:
                    details = "renderer failure (%s) in %s: %s\nstderr:\n%s" % (case, bad, "; ".join(problems), rr.err)
                    self.record("renderer failure", details)
                    self.fail(details)


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
    ap.add_argument("--jobs", type=int, default=min(8, 2 * (os.cpu_count() or 2)),
                    help="commands run at once in the bulk suites (default: twice the CPUs, at most 8)")
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
        out.write("\n%d comparisons, %d disagreements, %.0f s (%d stamps onto a sibling branch checked for the warning)\n"
                  % (STATS["comparisons"], len(STATS["disagreements"]), time.monotonic() - started,
                     STATS["sibling_stamps"]))
        if STATS["alembic_crashes"]:
            out.write("Alembic crashed (a Python exception, not `FAILED:`) in %d comparisons; Retort had to "
                      "refuse with `FAILED: ...` and leave the rows alone. By kind (count, one example):\n"
                      % len(STATS["alembic_crashes"]))
            kinds = {}
            for c in STATS["alembic_crashes"]:
                m = re.search(r": alembic (\w+).*; retort exit (\d+) (.{0,60})", c)
                key = (c.split(":", 1)[0],) + (m.groups() if m else (c[:60],))
                key = key[:3] + (re.sub(r"'[^']*'", "'…'", key[3]),) if len(key) > 3 else key
                kinds.setdefault(key, []).append(c)
            for key, items in sorted(kinds.items()):
                out.write("  %4d  %s\n" % (len(items), items[0]))
        if OfflineSql.hash_dependent:
            out.write("--sql texts that vary with Alembic's hash seed:\n")
            for u in OfflineSql.hash_dependent:
                out.write("  %s\n" % u)
        for name, seconds in STATS["durations"]:
            out.write("  %6.1f s  %s\n" % (seconds, name))
        if OfflineSql.unavailable:
            out.write("Alembic cannot produce offline SQL for (no text comparison):\n")
            for u in OfflineSql.unavailable:
                out.write("  %s\n" % u)
        if Failures.alembic_note:
            out.write("For the record: %s\n" % Failures.alembic_note)
        if OPTS.report:
            with open(OPTS.report, "w", encoding="utf-8") as f:
                json.dump({"comparisons": STATS["comparisons"], "disagreements": STATS["disagreements"],
                           "alembic_crashes": STATS["alembic_crashes"], "sql_hash_dependent": OfflineSql.hash_dependent,
                           "alembic_offline_unavailable": OfflineSql.unavailable}, f, indent=1)
        if OPTS.keep:
            out.write("kept %s\n" % WORK)
        else:
            shutil.rmtree(WORK, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
