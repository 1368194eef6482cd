"""add invoice currency

Revision ID: b1f5e4d3a277
Revises: b0d4c3e2f166
Create Date: 2025-01-07 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b1f5e4d3a277'
down_revision = 'b0d4c3e2f166'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("invoice", sa.Column("currency", sa.String(length=3), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("invoice") as batch_op:
        batch_op.drop_column("currency")
