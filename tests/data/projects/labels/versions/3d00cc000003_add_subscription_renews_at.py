"""add subscription renews_at

Revision ID: 3d00cc000003
Revises: 3d00cc000002
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '3d00cc000003'
down_revision = '3d00cc000002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("subscription", sa.Column("renews_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("subscription") as batch_op:
        batch_op.drop_column("renews_at")
