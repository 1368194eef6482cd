"""account primary host

Revision ID: 0a1b2c3d4e03
Revises: 0a1b2c3d4e02
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0a1b2c3d4e03'
down_revision = '0a1b2c3d4e02'
branch_labels = None
depends_on = '2c3d4e5f6a01'


def upgrade() -> None:
    op.add_column("account", sa.Column("primary_host_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch_op:
        batch_op.drop_column("primary_host_id")
