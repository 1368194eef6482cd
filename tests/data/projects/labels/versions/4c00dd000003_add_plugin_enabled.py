"""add plugin enabled

Revision ID: 4c00dd000003
Revises: 4c00dd000002
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4c00dd000003'
down_revision = '4c00dd000002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("plugin", sa.Column("enabled", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plugin") as batch_op:
        batch_op.drop_column("enabled")
