"""batch operations that rebuild the table

Revision ID: batch_recreate
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "batch_recreate"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("created")
        batch_op.alter_column("score", existing_type=sa.Numeric(precision=10, scale=2),
                              type_=sa.Integer(), existing_nullable=True)
        batch_op.alter_column("email", existing_type=sa.String(length=120),
                              type_=sa.Text(), nullable=False, server_default="none")
        batch_op.alter_column("name", new_column_name="full_name",
                              existing_type=sa.String(length=50))
        batch_op.alter_column("active", server_default=None)


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.alter_column("active", server_default=sa.text("(1)"))
        batch_op.alter_column("full_name", new_column_name="name",
                              existing_type=sa.String(length=50))
        batch_op.alter_column("email", existing_type=sa.Text(),
                              type_=sa.String(length=120), nullable=True, server_default=None)
        batch_op.alter_column("score", existing_type=sa.Integer(),
                              type_=sa.Numeric(precision=10, scale=2), existing_nullable=True)
        batch_op.add_column(sa.Column("created", sa.DateTime(),
                                      server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=True))
