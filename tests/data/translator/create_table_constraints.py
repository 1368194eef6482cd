"""constraints, foreign keys and indexes in create_table

Revision ID: create_table_constraints
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "create_table_constraints"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("handle", sa.String(length=30), nullable=False, unique=True),
        sa.Column("region", sa.String(length=2), nullable=True, index=True),
        sa.Column("code", sa.String(length=8), nullable=True, index=True, unique=True),
        sa.Column("parent_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("email", name=op.f("uq_account_email")),
        sa.CheckConstraint("length(handle) > 2", name="ck_account_handle"),
        sa.Index("ix_account_email_region", "email", "region"),
        sa.Index("ix_account_lower_email", sa.text("lower(email)"), unique=True),
        sa.Index("ix_account_parent", "parent_id", sqlite_where=sa.text("parent_id IS NOT NULL")),
    )
    op.create_table(
        "membership",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=10), server_default="member", nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], name="fk_membership_account",
                                ondelete="CASCADE", onupdate="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["account.id"], deferrable=True, initially="DEFERRED"),
        sa.PrimaryKeyConstraint("account_id", "group_id"),
        sa.CheckConstraint("role IN ('member', 'owner')"),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id")),
        sa.Column("kind", sa.String(20)),
        sqlite_autoincrement=True,
    )


def downgrade():
    op.drop_table("event")
    op.drop_table("membership")
    op.drop_index("ix_account_parent", table_name="account")
    op.drop_index("ix_account_lower_email", table_name="account")
    op.drop_index("ix_account_email_region", table_name="account")
    op.drop_index(op.f("ix_account_region"), table_name="account")
    op.drop_index(op.f("ix_account_code"), table_name="account")
    op.drop_table("account")
