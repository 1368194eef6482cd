"""recreate='always' and table_kwargs

Revision ID: batch_recreate_always
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "batch_recreate_always"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("team", recreate="always",
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column("size", sa.Integer(), nullable=True))
    with op.batch_alter_table("account", recreate="always") as batch_op:
        pass


def downgrade():
    with op.batch_alter_table("team", recreate="always") as batch_op:
        batch_op.drop_column("size")
