"""add item price

Revision ID: ff01
Revises: ee01
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ff01'
down_revision = 'ee01'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("item", sa.Column("price", sa.Numeric(8, 2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch_op:
        batch_op.drop_column("price")
