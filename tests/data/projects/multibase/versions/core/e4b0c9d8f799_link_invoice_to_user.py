"""link invoice to user

Revision ID: e4b0c9d8f799
Revises: d3a9b8c7e688
Create Date: 2025-02-03 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e4b0c9d8f799'
down_revision = 'd3a9b8c7e688'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("invoice", sa.Column("user_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("invoice") as batch_op:
        batch_op.drop_column("user_id")
