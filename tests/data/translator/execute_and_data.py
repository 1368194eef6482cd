"""execute SQL and insert rows

Revision ID: execute_and_data
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "execute_and_data"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE account SET name = 'x' WHERE id = 1")
    op.execute(sa.text("UPDATE account SET name = 'a\\:b' WHERE name = ''"))
    op.execute("""
        INSERT INTO account (id, name)
        VALUES (100, 'multi-line')
    """)
    accounts = sa.table(
        "account",
        sa.column("id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("active", sa.Boolean),
        sa.column("score", sa.Float),
        sa.column("balance", sa.Numeric(10, 2)),
        sa.column("note"),
    )
    op.bulk_insert(
        accounts,
        [
            {"id": 1, "name": "o'brien", "active": True, "score": 1.5},
            {"name": None, "id": 2, "active": False, "balance": 3},
            {"id": 3, "name": "x", "score": 2, "balance": 0.1, "note": None},
            {"id": 4, "name": "y", "score": 1e20, "active": 1},
            {"id": -5, "name": "line\nbreak", "score": 0.30000000000000004},
        ],
        multiinsert=False,
    )
    op.bulk_insert(accounts, [{"id": 6, "name": "six"}, {"id": 7, "name": "seven"}])


def downgrade():
    op.execute("DELETE FROM account WHERE id IN (1, 2, 3, 4, -5, 6, 7, 100)")
