"""Merge expressed as a list

Revision ID: mf000008
Revises: mf000006, mf000007
"""
from alembic import op
import sqlalchemy as sa

revision = 'mf000008'
down_revision = [
    'mf000006',
    'mf000007',  # trailing comma
]
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
