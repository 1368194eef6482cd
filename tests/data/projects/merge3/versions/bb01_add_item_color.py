"""add item color

Revision ID: bb01
Revises: aa22
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'bb01'
down_revision = 'aa22'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("item", sa.Column("color", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch_op:
        batch_op.drop_column("color")
