"""indexes

Revision ID: a1c0index003
Revises: a1c0addcol02
Create Date: 2026-01-03 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0index003"
down_revision = "a1c0addcol02"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(op.f("ix_account_email"), "account", ["email"], unique=True)
    op.create_index("ix_account_locale_name", "account", ["locale", "name"], unique=False)
    op.create_index("ix_account_email_lower", "account", [sa.text("lower(email)")])
    op.create_index("ix_account_name_lower", "account", [sa.text("lower(name)")])
    op.create_index("ix_account_rank_set", "account", ["rank"],
                    sqlite_where=sa.text("rank IS NOT NULL"))
    op.drop_index("ix_account_created", table_name="account")


def downgrade():
    op.create_index("ix_account_created", "account", ["created"], unique=False)
    op.drop_index("ix_account_rank_set", table_name="account")
    op.drop_index("ix_account_name_lower", table_name="account")
    op.drop_index("ix_account_email_lower", table_name="account")
    op.drop_index("ix_account_locale_name", table_name="account")
    op.drop_index(op.f("ix_account_email"), table_name="account")
