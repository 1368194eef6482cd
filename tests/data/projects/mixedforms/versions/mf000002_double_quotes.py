'''Double-quoted ids, single-quoted triple docstring

Revision ID: mf000002
Revises: mf000001
'''
from alembic import op
import sqlalchemy as sa

revision = "mf000002"  # the 'revision' id
down_revision = "mf000001"  # revises "mf000001"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("nino", sa.Column("edad", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("nino") as batch_op:
        batch_op.drop_column("edad")
