#!/usr/bin/env python
# comment before the docstring
"Single-line docstring in plain double quotes"
from alembic import op
import sqlalchemy as sa

revision = 'placeholder'
revision = 'mf000012'  # the later assignment wins
down_revision = 'mf000011'; branch_labels = None; depends_on = None


def upgrade():
    revision = "not-module-level"
    pass


def downgrade():
    pass
