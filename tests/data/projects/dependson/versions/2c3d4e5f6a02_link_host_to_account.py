"""link host to account

Revision ID: 2c3d4e5f6a02
Revises: 2c3d4e5f6a01
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '2c3d4e5f6a02'
down_revision = '2c3d4e5f6a01'
branch_labels = None
depends_on = '0a1b2c3d4e02'


def upgrade() -> None:
    op.add_column("host", sa.Column("account_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("host") as batch_op:
        batch_op.drop_column("account_id")
