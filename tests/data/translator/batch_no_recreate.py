"""batch operations that SQLite can do with ALTER TABLE

Revision ID: batch_no_recreate
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "batch_no_recreate"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("nickname", sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column("level", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("tag", sa.String(length=10), nullable=True, index=True))
        batch_op.create_index(batch_op.f("ix_account_nickname"), ["nickname"], unique=False)
        batch_op.drop_index("ix_account_name")


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index("ix_account_name", ["name"], unique=False)
        batch_op.drop_index(batch_op.f("ix_account_nickname"))
        batch_op.drop_index(batch_op.f("ix_account_tag"))
        batch_op.drop_column("tag")
        batch_op.drop_column("level")
        batch_op.drop_column("nickname")
