"""merge core and billing

Revision ID: d3a9b8c7e688
Revises: c2e8a9310c55, b1f5e4d3a277
Create Date: 2025-02-01 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd3a9b8c7e688'
down_revision = ('c2e8a9310c55', 'b1f5e4d3a277')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
