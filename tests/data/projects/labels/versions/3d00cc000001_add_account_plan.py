"""add account plan

Revision ID: 3d00cc000001
Revises: 1f00aa000003
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3d00cc000001'
down_revision = '1f00aa000003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("account", sa.Column("plan", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch_op:
        batch_op.drop_column("plan")
