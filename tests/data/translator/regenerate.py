#!/usr/bin/python3
"""Regenerate the expected SQL of the translator golden tests with the real Alembic.

usage: /usr/bin/python3 tests/data/translator/regenerate.py [CASE ...]

Each case is a complete revision file `<case>.py` (revision "<case>", down_revision
None) with an upgrade() and a downgrade() that undoes it, and optionally
`<case>.setup.sql`: the schema the revision starts from (SQLite statements, each
ending with ";" at the end of a line). For every case this script:

1. makes a throwaway Alembic project in a temporary directory (alembic.ini,
   env.py, script.py.mako, versions/<case>.py);
2. runs Alembic offline: `alembic upgrade head --sql` and
   `alembic downgrade head:base --sql`, and keeps the statements between the
   `-- Running ...` comments, minus the alembic_version ones;
3. when Alembic cannot run the revision offline (a batch_alter_table that
   rebuilds its table reflects it, and says "This operation cannot proceed in
   --sql mode"), runs it online instead: a database made from the setup SQL,
   `alembic upgrade head` then `alembic downgrade base`, with env.py recording
   every statement SQLAlchemy sends to SQLite (a `before_cursor_execute` event),
   minus the reflection queries (PRAGMA, SELECT ... sqlite_master) and the
   alembic_version ones. These are exactly the statements Alembic runs.

The statements are written to `<case>.upgrade.sql` and `<case>.downgrade.sql`
in Alembic's offline format (tabs as four spaces, stripped, then ";" and a blank
line). Where Alembic iterates a Python set (the indexes of create_table, the
constraints and indexes of a batch rebuild) its order changes from run to run;
tst_sqltranslator compares those parts order-insensitively.

Uses Debian's python3-alembic (1.8.1) with SQLAlchemy 1.4: run it with
/usr/bin/python3.
"""
import os
import pathlib
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent

INI = """\
[alembic]
script_location = %(here)s/migrations
sqlalchemy.url = sqlite:///%(here)s/app.db

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
"""

ENV_PY = '''\
import json
import os

from alembic import context
from sqlalchemy import engine_from_config, event, pool

config = context.config


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"),
                      target_metadata=None, literal_binds=True,
                      dialect_opts={"paramstyle": "named"}, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    engine = engine_from_config(config.get_section(config.config_ini_section),
                                prefix="sqlalchemy.", poolclass=pool.NullPool)
    capture = os.environ["RETORT_CAPTURE_FILE"]

    @event.listens_for(engine, "before_cursor_execute")
    def record(conn, cursor, statement, parameters, context_, executemany):
        text = statement.strip()
        if (text.upper().startswith("PRAGMA") or "sqlite_master" in text
                or "sqlite_temp_master" in text or "alembic_version" in text):
            return
        with open(capture, "a") as out:
            out.write(json.dumps({"sql": statement, "parameters": bool(parameters),
                                  "many": executemany}) + "\\n")

    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=None,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''

MAKO = '''\
"""${message}"""
from alembic import op
import sqlalchemy as sa
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = None
depends_on = None


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
'''

OFFLINE_REFUSAL = "cannot proceed in --sql mode"


def alembic(project, *args, capture=None):
    env = dict(os.environ)
    if capture:
        env["RETORT_CAPTURE_FILE"] = str(capture)
    return subprocess.run(
        ["/usr/bin/python3", "-m", "alembic", "-c", str(project / "alembic.ini"), *args],
        cwd=project, env=env, capture_output=True, text=True)


def offline_statements(output):
    """Statements of one revision from `alembic ... --sql` output."""
    statements = []
    for chunk in output.split(";\n\n"):
        lines = [line for line in chunk.split("\n") if not line.startswith("-- Running ")]
        text = "\n".join(lines).strip()
        if not text or "alembic_version" in text:
            continue
        statements.append(text)
    return statements


def make_project(case, directory):
    project = pathlib.Path(directory)
    (project / "migrations" / "versions").mkdir(parents=True)
    (project / "alembic.ini").write_text(INI)
    (project / "migrations" / "env.py").write_text(ENV_PY)
    (project / "migrations" / "script.py.mako").write_text(MAKO)
    shutil.copy(HERE / f"{case}.py", project / "migrations" / "versions" / f"{case}.py")
    return project


def run_offline(project):
    up = alembic(project, "upgrade", "head", "--sql")
    down = alembic(project, "downgrade", "head:base", "--sql")
    for result in (up, down):
        if result.returncode != 0:
            if OFFLINE_REFUSAL in result.stderr + result.stdout:
                return None
            raise RuntimeError(result.stderr + result.stdout)
    return offline_statements(up.stdout), offline_statements(down.stdout)


def run_online(project, case):
    setup = HERE / f"{case}.setup.sql"
    database = project / "app.db"
    if setup.exists():
        connection = sqlite3.connect(database)
        connection.executescript(setup.read_text())
        connection.close()
    results = []
    for args in (("upgrade", "head"), ("downgrade", "base")):
        capture = project / f"capture-{args[0]}.jsonl"
        capture.write_text("")
        result = alembic(project, *args, capture=capture)
        if result.returncode != 0:
            raise RuntimeError(result.stderr + result.stdout)
        import json
        statements = []
        for line in capture.read_text().splitlines():
            entry = json.loads(line)
            if entry["parameters"] or entry["many"]:
                raise RuntimeError(f"{case}: a statement with bound parameters cannot be a "
                                   f"golden file: {entry['sql']}")
            statements.append(entry["sql"].replace("\t", "    ").strip())
        results.append(statements)
    return results[0], results[1]


def write(path, statements):
    path.write_text("".join(statement + ";\n\n" for statement in statements))


def main():
    cases = sys.argv[1:] or sorted(
        p.stem for p in HERE.glob("*.py") if p.name != "regenerate.py")
    for case in cases:
        with tempfile.TemporaryDirectory() as directory:
            project = make_project(case, directory)
            result = run_offline(project)
            mode = "offline"
            if result is None:
                result = run_online(project, case)
                mode = "online"
        write(HERE / f"{case}.upgrade.sql", result[0])
        write(HERE / f"{case}.downgrade.sql", result[1])
        print(f"{case}: {mode}, {len(result[0])} + {len(result[1])} statements")


if __name__ == "__main__":
    main()
