"""merge three lines

Revision ID: ee00
Revises: bb02, cc01, dd01
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ee00'
down_revision = ('bb02', 'cc01', 'dd01')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
