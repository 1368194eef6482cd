"""add edge label

Revision ID: abcd2222
Revises: abce3333
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'abcd2222'
down_revision = 'abce3333'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("edge", sa.Column("label", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("edge") as batch_op:
        batch_op.drop_column("label")
