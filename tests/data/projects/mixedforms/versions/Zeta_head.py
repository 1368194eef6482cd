"""Zeta head (upper-case file name sorts first)"""
from alembic import op
import sqlalchemy as sa

revision = 'mf0000z1'
down_revision = 'mf000013'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
