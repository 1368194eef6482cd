"""add_column in a batch that rebuilds the table

Revision ID: batch_add_column_quirks
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "batch_add_column_quirks"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("account") as batch_op:
        batch_op.add_column(sa.Column("joined", sa.DateTime(),
                                      server_default=sa.text("CURRENT_TIMESTAMP"), nullable=True))
        batch_op.add_column(sa.Column("rank", sa.Integer(), nullable=True, index=True))
        batch_op.add_column(sa.Column("team_id", sa.Integer(),
                                      sa.ForeignKey("team.id", name="fk_account_team_id"),
                                      nullable=True))
        batch_op.add_column(sa.Column("seen", sa.DateTime(), server_default=sa.func.now()))


def downgrade():
    with op.batch_alter_table("account") as batch_op:
        batch_op.drop_constraint("fk_account_team_id", type_="foreignkey")
        batch_op.drop_index("ix__alembic_tmp_account_rank")
        batch_op.drop_index("ix_account_rank")
        batch_op.drop_column("seen")
        batch_op.drop_column("team_id")
        batch_op.drop_column("rank")
        batch_op.drop_column("joined")
