"""Escapes\tin a normal docstring: tab, \"quote\", backslash \\ and \u00e9

Trailing spaces on this line   
	and a tab-indented line.

Revision ID: mf000006
"""
from alembic import op
import sqlalchemy as sa

revision = 'mf000006'
down_revision = ['mf000005']  # a one-element list
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
