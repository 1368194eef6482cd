"""item notes

Revision ID: c0ffee000003
Revises: c0ffee000002
Create Date: 2026-02-03 00:00:00.000000

Translatable again; its batch rebuild reflects the table the rendered
revision left.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c0ffee000003"
down_revision = "c0ffee000002"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notes", sa.Text(), nullable=True))
        batch_op.alter_column("size", existing_type=sa.String(length=10), type_=sa.String(length=30))


def downgrade():
    with op.batch_alter_table("item", schema=None) as batch_op:
        batch_op.alter_column("size", existing_type=sa.String(length=30), type_=sa.String(length=10))
        batch_op.drop_column("notes")
