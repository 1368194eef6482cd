"""add item weight

Revision ID: bb02
Revises: bb01
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'bb02'
down_revision = 'bb01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("item", sa.Column("weight", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch_op:
        batch_op.drop_column("weight")
