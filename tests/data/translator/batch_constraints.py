"""constraints in batch mode

Revision ID: batch_constraints
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "batch_constraints"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_account_team", "team", ["team_id"], ["id"],
                                    ondelete="SET NULL", onupdate="CASCADE")
        batch_op.create_unique_constraint("uq_account_name_team", ["name", "team_id"])
        batch_op.create_check_constraint("ck_account_score", "score >= 0")
        batch_op.drop_constraint("uq_account_email", type_="unique")


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_account_email", ["email"])
        batch_op.drop_constraint("ck_account_score", type_="check")
        batch_op.drop_constraint("uq_account_name_team", type_="unique")
        batch_op.drop_constraint("fk_account_team", type_="foreignkey")
        batch_op.drop_column("team_id")
