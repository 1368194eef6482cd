"""add node color

Revision ID: fab
Revises: abcd1111
Create Date: 2025-05-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'fab'
down_revision = 'abcd1111'
branch_labels = ('abcz',)
depends_on = None


def upgrade() -> None:
    op.add_column("node", sa.Column("color", sa.String(length=50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("node") as batch_op:
        batch_op.drop_column("color")
