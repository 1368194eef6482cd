"""a rebuild of a table written by hand

Revision ID: reflection_edges
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "reflection_edges"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("legacy") as batch_op:
        batch_op.alter_column("note", existing_type=sa.Text(), nullable=False,
                              server_default="")


def downgrade():
    with op.batch_alter_table("legacy") as batch_op:
        batch_op.alter_column("note", existing_type=sa.Text(), nullable=True,
                              server_default=None)
