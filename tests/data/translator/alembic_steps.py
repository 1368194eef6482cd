#!/usr/bin/python3
"""Step an Alembic project one revision at a time with the real Alembic.

usage: /usr/bin/python3 alembic_steps.py ALEMBIC_INI OUT_DIR

Upgrades a new SQLite database (OUT_DIR/alembic.db) from base to the heads one
revision at a time, in Alembic's own order (the reverse of `alembic history`),
then downgrades it back to base one revision at a time, newest first. Each step
runs through the project's env.py exactly as `alembic upgrade` would, only with
a single migration step. After every step the database is copied to
OUT_DIR/step-NNN.db, and OUT_DIR/steps.tsv gets a line:

    NNN <TAB> upgrade|downgrade <TAB> revision id <TAB> path of the revision file

tst_translatorconformance replays the same steps with Retort's SQL in a second
database and compares the two after every step.
"""
import pathlib
import shutil
import sys

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationStep
from alembic.script import ScriptDirectory


def main():
    ini, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    database = out / "alembic.db"
    if database.exists():
        database.unlink()
    config = Config(ini)
    config.set_main_option("sqlalchemy.url", f"sqlite:///{database}")
    script = ScriptDirectory.from_config(config)

    newest_first = list(script.walk_revisions("base", "heads"))
    steps = [(revision, True) for revision in reversed(newest_first)]
    steps += [(revision, False) for revision in newest_first]

    lines = []
    for number, (revision, upgrade) in enumerate(steps, 1):
        def one_step(heads, context, revision=revision, upgrade=upgrade):
            if upgrade:
                return [MigrationStep.upgrade_from_script(script.revision_map, revision)]
            return [MigrationStep.downgrade_from_script(script.revision_map, revision)]

        print(f"step {number}: {'upgrade' if upgrade else 'downgrade'} {revision.revision}",
              file=sys.stderr, flush=True)
        with EnvironmentContext(config, script, fn=one_step, as_sql=False,
                                destination_rev=revision.revision):
            script.run_env()
        shutil.copy(database, out / f"step-{number:03d}.db")
        lines.append("\t".join([f"{number:03d}", "upgrade" if upgrade else "downgrade",
                                revision.revision, revision.path]))
    (out / "steps.tsv").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
