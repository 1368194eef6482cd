"""less common batch operations

Revision ID: batch_misc
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "batch_misc"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("note") as batch_op:
        batch_op.create_primary_key("pk_note", ["id"])
        batch_op.alter_column("meta", existing_type=sa.Text(), type_=sa.JSON())
        batch_op.alter_column("tag", new_column_name="label", existing_type=sa.String(10))
        # Alembic looks index columns up by the name they had before the batch.
        batch_op.create_index("ix_note_tag", ["tag"])
        batch_op.add_column(sa.Column("slug", sa.String(length=20), unique=True, index=True))
        batch_op.alter_column("body", existing_type=sa.Text(), type_=sa.Integer())


def downgrade():
    with op.batch_alter_table("note") as batch_op:
        batch_op.drop_index("ix_note_slug")
        batch_op.drop_index("ix__alembic_tmp_note_slug")
        batch_op.drop_column("slug")
        batch_op.drop_index("ix_note_tag")
        batch_op.alter_column("label", new_column_name="tag", existing_type=sa.String(10))
        batch_op.alter_column("meta", existing_type=sa.JSON(), type_=sa.Text())
        batch_op.alter_column("body", existing_type=sa.Integer(), type_=sa.Text())
        batch_op.drop_constraint("pk_note", type_="primary")
