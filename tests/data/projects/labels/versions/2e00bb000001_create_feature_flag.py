"""create feature_flag

Revision ID: 2e00bb000001
Revises: 1f00aa000003
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2e00bb000001'
down_revision = '1f00aa000003'
branch_labels = ('feature',)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feature_flag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("feature_flag")
