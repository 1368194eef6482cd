"""add edge weight

Revision ID: abcd2222ff
Revises: abcd2222
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'abcd2222ff'
down_revision = 'abcd2222'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("edge", sa.Column("weight", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("edge") as batch_op:
        batch_op.drop_column("weight")
