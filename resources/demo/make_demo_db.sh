#!/bin/sh
# Regenerate demo.db with the reference Alembic (Debian's python3-alembic).
#
# The database is upgraded to both tips of the history just before the merge:
# the main line at 187e245166db ("create customer table") and the reporting
# branch at f4ee2fb72983 ("index sales_report period"). alembic_version therefore
# holds two rows and three migrations are pending: the merge 978c27f7bb03,
# 72e0dc0126ef and the head 59258f75568f. A few sample rows are added so the
# schema and data views have something to show.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-/usr/bin/python3}
cd "$here"

export PYTHONDONTWRITEBYTECODE=1
rm -f demo.db
"$python" -m alembic -c alembic.ini upgrade 187e245166db
"$python" -m alembic -c alembic.ini upgrade f4ee2fb72983

"$python" - <<'PY'
import sqlite3

con = sqlite3.connect("demo.db")
with con:
    con.executemany(
        "INSERT INTO author (id, name, born, bio) VALUES (?, ?, ?, ?)",
        [
            (1, "Ursula K. Le Guin", "1929-10-21", "Wrote Earthsea and The Dispossessed."),
            (2, "Gabriel García Márquez", "1927-03-06", None),
            (3, "Italo Calvino", "1923-10-15", "Invisible Cities."),
        ],
    )
    con.executemany(
        "INSERT INTO book (id, title, author_id, published, in_stock, isbn)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (1, "A Wizard of Earthsea", 1, 1968, 1, "9780547773742"),
            (2, "The Dispossessed", 1, 1974, 0, "9780061054884"),
            (3, "Cien años de soledad", 2, 1967, 1, "9780307474728"),
            (4, "Le città invisibili", 3, 1972, 1, None),
        ],
    )
    con.executemany(
        "INSERT INTO customer (id, email, full_name) VALUES (?, ?, ?)",
        [(1, "ana@example.org", "Ana Pérez"), (2, "li@example.org", "Li Wei")],
    )
    con.executemany(
        "INSERT INTO sales_report (period, book_id, copies_sold, revenue)"
        " VALUES (?, ?, ?, ?)",
        [("2025-02", 1, 12, 143.40), ("2025-02", 3, 7, 97.65)],
    )
con.execute("VACUUM")
con.close()
PY

echo "demo.db regenerated:"
"$python" -m alembic -c alembic.ini current 2>/dev/null
