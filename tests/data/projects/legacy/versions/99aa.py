"""hex-looking file name, but the revision variable wins

Revision ID: cafe0001
Revises: 4d5e6f
"""

from alembic import op
import sqlalchemy as sa

revision = 'cafe0001'
down_revision = '4d5e6f'


def upgrade():
    pass


def downgrade():
    pass
