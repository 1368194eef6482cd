"""add feature_flag enabled

Revision ID: 2e00bb000002
Revises: 2e00bb000001
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2e00bb000002'
down_revision = '2e00bb000001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("feature_flag", sa.Column("enabled", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feature_flag") as batch_op:
        batch_op.drop_column("enabled")
