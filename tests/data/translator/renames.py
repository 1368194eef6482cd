"""rename a table and a column

Revision ID: renames
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "renames"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("account", "member")
    op.alter_column("member", "name", new_column_name="full_name",
                    existing_type=sa.String(length=50), existing_nullable=False)


def downgrade():
    op.alter_column("member", "full_name", new_column_name="name")
    op.rename_table("member", "account")
