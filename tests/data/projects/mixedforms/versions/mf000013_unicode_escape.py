"""\
Docstring starting with an escaped newline \u2603

Revision ID: mf000013
"""
from alembic import op
import sqlalchemy as sa

revision = '''mf000013'''
down_revision = ('mf000012')  # parenthesised string, not a tuple
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
