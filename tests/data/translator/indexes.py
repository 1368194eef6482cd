"""create and drop indexes

Revision ID: indexes
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "indexes"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(op.f("ix_account_name"), "account", ["name"], unique=True)
    op.create_index("ix_account_name_region", "account", ["name", "region"], unique=False)
    op.create_index("ix_account_lower_name", "account", [sa.text("lower(name)")])
    op.create_index("ix_account_active_region", "account", ["region"],
                    sqlite_where=sa.text("region IS NOT NULL"), postgresql_where=sa.text("x"))


def downgrade():
    op.drop_index("ix_account_active_region", table_name="account")
    op.drop_index("ix_account_lower_name", table_name="account")
    op.drop_index("ix_account_name_region", table_name="account")
    op.drop_index(op.f("ix_account_name"), table_name="account")
