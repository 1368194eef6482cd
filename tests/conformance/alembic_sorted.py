#!/usr/bin/python3
"""Run the reference Alembic with a deterministic revision-file order.

Alembic 1.8.1 lists each version directory with a bare ``os.listdir()``, so the
order of revisions (and therefore of ``heads``, of ties in ``history`` ...)
depends on the file system. Newer Alembic sorts the names, and so does Retort.
This wrapper replaces ``os.listdir`` with a sorted version and then runs the
normal command line::

    /usr/bin/python3 alembic_sorted.py -c alembic.ini history -v

It pins one more source of randomness: a revision's dependencies that are not
already ancestors (``_normalized_resolved_dependencies``) are kept in a Python
set and turned into a tuple, so when a revision still depends on two or more
revisions the walk order of ``history`` changes with PYTHONHASHSEED (seen with
tests/data/projects/dependson, revision 2c3d4e5f6a03). The wrapper keeps them
in the order they are declared in ``depends_on``, the order Retort uses.

Python 3.13 (the Debian 13 test stage) cleans docstrings, which this wrapper
undoes (_keep_docstrings_as_written, nothing on Debian 12). Alembic 1.13.1 fixed
the version rows some downgrades across depends_on leave; Retort writes the fixed
rows, and this wrapper gives 1.8.1 the same fix
(_downgrade_version_rows_as_fixed_in_1_13_1, nothing from 1.13.1 on).

Two extra modes serve the conformance harness (conformance.py); neither changes
what Alembic computes:

``--batch JOBS.json RESULTS.json``
    Imports Alembic once, then runs each job in a forked child (fresh process
    state per command, like a separate invocation, minus the ~0.3 s start-up).
    A job is ``{"cwd": DIR, "argv": [...], "setup": [[SRC_or_null, DST], ...]}``;
    ``setup`` copies SRC over DST (or deletes DST when SRC is null) before the
    command runs. Results: ``{"out": stdout, "err": stderr, "rc": exit status}``.
    A job may instead be ``{"cwd": DIR, "pending": [INI, [ROWS...]]}``: the
    number of revisions ``alembic upgrade heads`` would run from ROWS.

``--dump INI``
    Prints the revision graph as JSON (ids, parents, labels, heads ...).
"""
import os
import re
import sys

_os_listdir = os.listdir


def _sorted_listdir(path="."):
    return sorted(_os_listdir(path))


os.listdir = _sorted_listdir


def _pin_dependency_order():
    from alembic.script import revision as _revision

    original = _revision.RevisionMap._normalize_depends_on

    def _normalize_depends_on(self, revisions, map_):
        original(self, revisions, map_)
        for rev in revisions:
            kept = set(rev._normalized_resolved_dependencies)
            if len(kept) > 1:
                rev._normalized_resolved_dependencies = tuple(
                    dict.fromkeys(d for d in rev._resolved_dependencies if d in kept)
                )

    _revision.RevisionMap._normalize_depends_on = _normalize_depends_on


_pin_dependency_order()


def _keep_docstrings_as_written():
    """On Python 3.13 and later, give revision modules their docstring as written.

    Since Python 3.13 the compiler cleans every docstring (tabs expanded to
    spaces, the common indentation of the lines after the first removed; CPython
    gh-81283), so Alembic run there prints a revision's doc differently from the
    reference, Alembic 1.8.1 on Python 3.11, whose output Retort reproduces. This
    undoes exactly that: after Alembic has loaded a revision file, its
    ``__doc__`` becomes the docstring as Python's own parser reads it
    (``ast.get_docstring(clean=False)``), which is what older compilers stored.
    A no-op on Python 3.12 and earlier, so it never touches the reference run.
    """
    if sys.version_info < (3, 13):
        return
    import ast

    from alembic.util import pyfiles

    original = pyfiles.load_module_py

    def load_module_py(module_id, path):
        module = original(module_id, path)
        if path.endswith(".py") and module.__doc__ is not None:
            with open(path, "rb") as f:
                module.__doc__ = ast.get_docstring(ast.parse(f.read()), clean=False)
        return module

    # load_python_file (which Alembic calls for every revision file) looks
    # load_module_py up in its module's globals at each call.
    pyfiles.load_module_py = load_module_py


_keep_docstrings_as_written()


def _downgrade_version_rows_as_fixed_in_1_13_1():
    """Before Alembic 1.13.1, write the version rows of a downgrade as 1.13.1 does.

    Alembic 1.13.1 fixed which rows a downgrade step leaves in the version table
    when the step's revision has no other head beside it (sqlalchemy/alembic#1373,
    RevisionStep._unmerge_to_revisions): a target that is an ancestor of another
    target (through depends_on) is no longer written, where 1.8.1 wrote both rows,
    an overlap that makes the next upgrade fail. Retort writes the fixed rows (a
    deliberate difference from 1.8.1, see README), so the reference is given the
    fix too; everything else is the installed Alembic's own. A no-op from 1.13.1.
    """
    import alembic
    from alembic.runtime import migration

    version = tuple(int(part) for part in re.findall(r"\d+", alembic.__version__)[:3])
    if version >= (1, 13, 1):
        return
    original = migration.RevisionStep._unmerge_to_revisions

    def _unmerge_to_revisions(self, heads):
        if set(heads).difference([self.revision.revision]):
            return original(self, heads)
        revision_map = self.revision_map
        ancestors = {
            node.revision
            for target in self.to_revisions
            for node in revision_map._get_ancestor_nodes(
                revision_map.get_revisions(target), check=False)
            if node.revision != target
        }
        return tuple(set(self.to_revisions).difference(ancestors))

    migration.RevisionStep._unmerge_to_revisions = _unmerge_to_revisions


_downgrade_version_rows_as_fixed_in_1_13_1()


def _run_alembic(argv):
    from alembic.config import main

    main(argv=argv, prog="alembic")


def _exit_status(exc):
    """The status Python itself would exit with for this SystemExit."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write("%s\n" % (code,))
    return 1


def _pending(ini, rows):
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(Config(ini))
    revs = list(
        script.revision_map.iterate_revisions("heads", tuple(rows), implicit_base=True)
    )
    print(len(revs))


def _child(job, out_path, err_path):
    import shutil
    import traceback

    status = 0
    try:
        for src, dst in job.get("setup", []):
            if src is None:
                if os.path.exists(dst):
                    os.unlink(dst)
            else:
                shutil.copyfile(src, dst)
        os.chdir(job["cwd"])
        out_fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err_fd = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        os.close(out_fd)
        os.close(err_fd)
        try:
            if "pending" in job:
                _pending(*job["pending"])
            else:
                _run_alembic(job["argv"])
        except SystemExit as exc:
            status = _exit_status(exc)
        except BaseException:
            traceback.print_exc()
            status = 1
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)


def _batch(jobs_path, results_path):
    import json
    import tempfile

    # Import everything a command needs once, before forking.
    import alembic.command  # noqa: F401
    import alembic.config  # noqa: F401
    import alembic.runtime.migration  # noqa: F401
    import alembic.script  # noqa: F401
    import sqlalchemy  # noqa: F401
    import sqlalchemy.dialects.sqlite  # noqa: F401

    with open(jobs_path, encoding="utf-8") as f:
        jobs = json.load(f)
    results = []
    with tempfile.TemporaryDirectory(prefix="alembic-batch-") as tmp:
        out_path = os.path.join(tmp, "out")
        err_path = os.path.join(tmp, "err")
        for job in jobs:
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:
                _child(job, out_path, err_path)
            _, wait_status = os.waitpid(pid, 0)
            rc = os.waitstatus_to_exitcode(wait_status)
            with open(out_path, encoding="utf-8", errors="surrogateescape") as f:
                out = f.read()
            with open(err_path, encoding="utf-8", errors="replace") as f:
                err = f.read()
            results.append({"out": out, "err": err, "rc": rc})
    with open(results_path, "w", encoding="utf-8", errors="surrogateescape") as f:
        json.dump(results, f)


def _dump(ini):
    import json

    from alembic.config import Config
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(Config(ini))
    rmap = script.revision_map
    order = [sc.revision for sc in script.walk_revisions()]
    revisions = {}
    for rid in order:
        sc = rmap.get_revision(rid)
        revisions[rid] = {
            "down": list(sc._versioned_down_revisions),
            "deps": list(sc._resolved_dependencies),
            "labels": sorted(sc.branch_labels),
            "own_labels": list(sc._orig_branch_labels),
            "next": sorted(sc.nextrev),
            "ancestors": sorted(
                r.revision
                for r in rmap._get_ancestor_nodes([sc], include_dependencies=False)
                if r is not sc
            ),
            "path": sc.path,
        }
    json.dump(
        {
            "order": order,  # `history` order: heads first
            "heads": list(rmap.heads),
            "real_heads": list(rmap._real_heads),
            "bases": list(rmap.bases),
            "revisions": revisions,
        },
        sys.stdout,
        indent=1,
    )
    print()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--batch":
        _batch(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "--dump":
        _dump(sys.argv[2])
    else:
        _run_alembic(sys.argv[1:])
