"""add legacy_thing.value"""

from alembic import op
import sqlalchemy as sa

down_revision = '1a2b3c'


def upgrade():
    op.add_column("legacy_thing", sa.Column("value", sa.Integer()))


def downgrade():
    pass
