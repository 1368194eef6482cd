"""renames

Revision ID: a1c0rename04
Revises: a1c0index003
Create Date: 2026-01-04 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0rename04"
down_revision = "a1c0index003"
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("login", "session")
    op.alter_column("account", "nick", new_column_name="nickname",
                    existing_type=sa.Unicode(length=20), existing_nullable=True)


def downgrade():
    op.alter_column("account", "nickname", new_column_name="nick",
                    existing_type=sa.Unicode(length=20), existing_nullable=True)
    op.rename_table("session", "login")
