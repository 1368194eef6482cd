"""add user locale

Revision ID: c2e8a9310c55
Revises: c1b7d20e9f44
Create Date: 2025-01-09 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c2e8a9310c55'
down_revision = 'c1b7d20e9f44'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("user", sa.Column("locale", sa.String(length=5), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user") as batch_op:
        batch_op.drop_column("locale")
