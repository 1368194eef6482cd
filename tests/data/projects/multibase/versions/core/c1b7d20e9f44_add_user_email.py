"""add user email

Revision ID: c1b7d20e9f44
Revises: c0a1f6e1b2d3
Create Date: 2025-01-05 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c1b7d20e9f44'
down_revision = 'c0a1f6e1b2d3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("user", sa.Column("email", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user") as batch_op:
        batch_op.drop_column("email")
