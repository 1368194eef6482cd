"""data

Revision ID: a1c0data0005
Revises: a1c0rename04
Create Date: 2026-01-05 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0data0005"
down_revision = "a1c0rename04"
branch_labels = None
depends_on = None


def upgrade():
    team = sa.table(
        "team",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("founded", sa.Date),
    )
    op.bulk_insert(team, [
        {"id": 1, "title": "Red"},
        {"id": 2, "title": "Blue's", "founded": None},
    ])
    accounts = sa.table(
        "account",
        sa.column("id", sa.Integer()),
        sa.column("name", sa.String(50)),
        sa.column("handle", sa.String(30)),
        sa.column("active", sa.Boolean()),
        sa.column("score", sa.Float()),
        sa.column("balance", sa.Numeric(10, 2)),
        sa.column("rank", sa.SmallInteger()),
        sa.column("team_id", sa.Integer()),
        sa.column("email", sa.String(120)),
        sa.column("created", sa.DateTime()),
        sa.column("status", sa.Enum("new", "active", "banned", name="account_status")),
        sa.column("region", sa.String(2)),
    )
    op.bulk_insert(accounts, [
        {"id": 1, "name": "ann", "handle": "@ann", "active": True, "score": 1.5,
         "balance": 10, "team_id": 1, "email": "ann@example.org", "region": "es"},
        {"id": 2, "name": "bob", "handle": "@bob", "active": False, "score": 0.25,
         "balance": "3.75", "team_id": 2, "email": "bob@example.org", "region": "fr"},
    ])
    # Rows with different keys: one INSERT each.
    op.bulk_insert(accounts, [
        {"id": 3, "name": "o'hara", "handle": "@oh", "score": 1e3, "rank": 7,
         "email": "oh@example.org", "region": None},
        {"id": 4, "name": "dee", "handle": "@dee", "rank": 2, "status": "banned",
         "email": "dee@example.org"},
    ], multiinsert=False)
    op.execute("UPDATE account SET bio = 'first' WHERE id = 1")
    op.execute("UPDATE account SET bio = 'later' WHERE bio IS NULL")
    op.execute(sa.text("UPDATE account SET essay = 'at 10\\:30' WHERE id = 2"))
    op.execute("""
        INSERT INTO session (account_id, ip)
        SELECT id, '127.0.0.1' FROM account
    """)


def downgrade():
    op.execute("DELETE FROM session")
    op.execute(sa.text("DELETE FROM account"))
    op.execute("DELETE FROM team")
