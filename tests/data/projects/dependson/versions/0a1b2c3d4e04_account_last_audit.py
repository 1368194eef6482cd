"""account last audit

Revision ID: 0a1b2c3d4e04
Revises: 0a1b2c3d4e03
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0a1b2c3d4e04'
down_revision = '0a1b2c3d4e03'
branch_labels = None
depends_on = ['0a1b2c3d4e02', '1b2c3d4e5f02']


def upgrade() -> None:
    op.add_column("account", sa.Column("last_audit_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account") as batch_op:
        batch_op.drop_column("last_audit_id")
