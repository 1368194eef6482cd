"""batch without rebuild

Revision ID: a1c0branchb7
Revises: a1c0batch006
Create Date: 2026-01-07 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0branchb7"
down_revision = "a1c0batch006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(sa.Column("color", sa.String(length=7), server_default="#fff",
                                      nullable=False))
        batch_op.add_column(sa.Column("size", sa.Integer(), nullable=True, index=True))
        batch_op.create_index("ix_team_founded", ["founded"], unique=False)
        batch_op.drop_index("ix_team_motto")
    op.drop_column("account", "avatar")


def downgrade():
    op.add_column("account", sa.Column("avatar", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_index("ix_team_motto", ["motto"], unique=False)
        batch_op.drop_index("ix_team_founded")
        batch_op.drop_index(batch_op.f("ix_team_size"))
        batch_op.drop_column("size")
        batch_op.drop_column("color")
