"""add legacy_thing.note

Revision ID: 7a8b9c0d1e2f
Revises: cafe0001
Create Date: 2025-08-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7a8b9c0d1e2f'
down_revision = 'cafe0001'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("legacy_thing", sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("legacy_thing") as batch_op:
        batch_op.drop_column("note")
