"""Blank line with spaces
    
does not end the first paragraph.

Revision ID: wrong-on-purpose
Revises: also wrong
"""
from alembic import op
import sqlalchemy as sa

revision = 'mf000010'
down_revision = 'mf000009'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
