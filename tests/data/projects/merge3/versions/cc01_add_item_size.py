"""add item size

Revision ID: cc01
Revises: aa22
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'cc01'
down_revision = 'aa22'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("item", sa.Column("size", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch_op:
        batch_op.drop_column("size")
