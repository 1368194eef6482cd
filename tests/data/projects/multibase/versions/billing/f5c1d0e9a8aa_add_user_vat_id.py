"""add user vat id

Revision ID: f5c1d0e9a8aa
Revises: e4b0c9d8f799
Create Date: 2025-02-05 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f5c1d0e9a8aa'
down_revision = 'e4b0c9d8f799'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("user", sa.Column("vat_id", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user") as batch_op:
        batch_op.drop_column("vat_id")
