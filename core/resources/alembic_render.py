# Retort's Alembic renderer: runs one revision's upgrade() or downgrade() with
# the real Alembic in offline ("--sql") mode for SQLite and answers with the
# statements Alembic emits. Retort embeds this file and runs it with the
# user's interpreter (python -B -c <this file>); it never imports the
# project's env.py or models, and writes nothing to disk.
#
# Request (stdin, JSON):
#   {"probe": true}                       -> which Alembic / SQLAlchemy / Python
#   {"path": "versions/x.py", "direction": "upgrade" | "downgrade",
#    "schema": ["CREATE TABLE ...", ...],  # the database before the step
#    "ini": "alembic.ini" | null, "sys_path": ["dir", ...]}
# Answer (stdout, one JSON object):
#   {"ok": true, "statements": [...], "warnings": [...], ...}
#   {"ok": false, "kind": "...", "message": "...", "line": N, "traceback": "..."}
#
# Statements are kept as SQLAlchemy compiles them (tabs, surrounding
# newlines), i.e. as an online run sends them to SQLite, so that the schema
# stored in sqlite_master is the online one; `alembic --sql` prints the same
# text with tabs as four spaces and stripped, which Retort does when printing.
#
# Batch operations that rebuild a table need the table's definition. Offline
# Alembic refuses them (it has no connection to reflect from); here every
# emitted statement is also run on an in-memory SQLite database loaded with
# the schema, and a rebuild reflects its table from there - what the online
# run would reflect from the real database at that point.

import json
import sys
import traceback


def main():
    answer_stream = sys.stdout
    # Whatever the revision prints must not spoil the answer.
    sys.stdout = sys.stderr

    def answer(obj):
        answer_stream.write(json.dumps(obj))
        answer_stream.write("\n")
        answer_stream.flush()

    try:
        request = json.loads(sys.stdin.read())
    except Exception as e:  # noqa: BLE001 - any bad input is reported, not raised
        answer({"ok": False, "kind": "protocol", "message": "bad request: %s" % e})
        return

    try:
        import warnings

        import sqlalchemy
        import alembic
        from alembic.config import Config
        from alembic.operations import Operations
        from alembic.operations import batch as alembic_batch
        from alembic.runtime.environment import EnvironmentContext
    except Exception as e:  # noqa: BLE001
        answer({"ok": False, "kind": "no_alembic",
                "message": "%s: %s" % (type(e).__name__, e), "python": sys.executable})
        return

    if request.get("probe"):
        answer({"ok": True, "alembic": alembic.__version__, "sqlalchemy": sqlalchemy.__version__,
                "python": sys.version.split()[0], "executable": sys.executable})
        return

    path = request["path"]
    direction = request["direction"]
    for entry in reversed(request.get("sys_path") or []):
        if entry not in sys.path:
            sys.path.insert(0, entry)

    def failure(kind, exc):
        line = None
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename == path:
                line = frame.lineno
        if line is None and isinstance(exc, SyntaxError) and exc.filename == path:
            line = exc.lineno
        answer({"ok": False, "kind": kind, "message": "%s: %s" % (type(exc).__name__, exc),
                "line": line, "traceback": "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))})

    # The database as it is before the step, for batch rebuilds to reflect.
    import sqlite3
    from sqlalchemy.pool import StaticPool

    scratch_dbapi = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    for statement in request.get("schema") or []:
        try:
            scratch_dbapi.executescript(statement)
        except sqlite3.Error:
            pass
    scratch_engine = sqlalchemy.create_engine("sqlite://", creator=lambda: scratch_dbapi,
                                              poolclass=StaticPool)
    scratch = scratch_engine.connect()

    statements = []
    caught = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            import importlib.util

            module_name = "retort_rendered_revision"
            spec = importlib.util.spec_from_file_location(module_name, path)
            if spec is None or spec.loader is None:
                raise ImportError("cannot load %s as a Python module" % path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            spec.loader.exec_module(module)
        except BaseException as e:  # noqa: BLE001 - SystemExit too: report, never die silently
            failure("load", e)
            return
        function = getattr(module, direction, None)
        if not callable(function):
            answer({"ok": False, "kind": "no_function",
                    "message": "%s has no %s() function" % (path, direction)})
            return

        config = Config(request["ini"]) if request.get("ini") else Config()
        environment = EnvironmentContext(config, None, as_sql=True)
        with environment:
            environment.configure(dialect_name="sqlite", literal_binds=True,
                                  output_buffer=sys.stderr)
            context = environment.get_context()
            impl = context.impl

            # What Alembic's DefaultImpl._exec does in as_sql mode, keeping the
            # compiled text as it is (see above) and applying it to the scratch.
            from sqlalchemy import schema as sa_schema

            def capture(construct, execution_options=None, multiparams=(), params=None):
                if isinstance(construct, str):
                    construct = sqlalchemy.text(construct)
                if multiparams or params:
                    raise Exception("Execution arguments not allowed with as_sql")
                compile_kw = {}
                if impl.literal_binds and not isinstance(construct, sa_schema.DDLElement):
                    compile_kw = {"compile_kwargs": {"literal_binds": True}}
                sql = str(construct.compile(dialect=impl.dialect, **compile_kw))
                statements.append(sql)
                try:
                    scratch_dbapi.executescript(sql)
                except sqlite3.Error:
                    pass  # Retort runs every statement itself and reports failures
                return None

            impl._exec = capture

            original_flush = alembic_batch.BatchOperationsImpl.flush

            def flush_reflecting_scratch(batch):
                # Only a rebuild reflects; give it the scratch connection.
                if batch.copy_from is not None or not batch._should_recreate():
                    return original_flush(batch)
                operations = batch.operations
                context.as_sql = False
                operations.get_bind = lambda: scratch
                try:
                    return original_flush(batch)
                finally:
                    context.as_sql = True
                    del operations.get_bind

            alembic_batch.BatchOperationsImpl.flush = flush_reflecting_scratch
            try:
                with Operations.context(context):
                    function()
            except BaseException as e:  # noqa: BLE001
                failure("revision", e)
                return
    answer({"ok": True, "statements": statements,
            "warnings": ["%s: %s" % (w.category.__name__, w.message) for w in caught],
            "alembic": alembic.__version__})


main()
