"""add tag color

Revision ID: ee01
Revises: ee00
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ee01'
down_revision = 'ee00'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tag", sa.Column("color", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tag") as batch_op:
        batch_op.drop_column("color")
