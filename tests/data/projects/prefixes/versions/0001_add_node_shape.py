"""add node shape

Revision ID: 0001
Revises: fab
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = 'fab'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("node", sa.Column("shape", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("node") as batch_op:
        batch_op.drop_column("shape")
