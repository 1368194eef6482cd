"""add and drop columns outside batch mode

Revision ID: add_drop_column
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "add_drop_column"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("account", sa.Column("email", sa.String(length=120), nullable=True))
    op.add_column("account", sa.Column("active", sa.Boolean(), server_default="1", nullable=False))
    op.add_column("account", sa.Column("score", sa.Integer(), server_default=sa.text("0"), nullable=False))
    op.add_column("account", sa.Column("region", sa.String(length=2), nullable=True, index=True))
    op.add_column("account", sa.Column("badge", sa.String(length=8), nullable=True, index=True, unique=True))


def downgrade():
    op.drop_index(op.f("ix_account_badge"), table_name="account")
    op.drop_index(op.f("ix_account_region"), table_name="account")
    op.drop_column("account", "badge")
    op.drop_column("account", "region")
    op.drop_column("account", "score")
    op.drop_column("account", "active")
    op.drop_column("account", "email")
