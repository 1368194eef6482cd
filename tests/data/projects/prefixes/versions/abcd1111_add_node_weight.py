"""add node weight

Revision ID: abcd1111
Revises: abcdef
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'abcd1111'
down_revision = 'abcdef'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("node", sa.Column("weight", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("node") as batch_op:
        batch_op.drop_column("weight")
