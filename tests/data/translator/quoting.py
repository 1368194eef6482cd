"""identifiers that need quotes

Revision ID: quoting
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "quoting"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("select", sa.String(length=10), nullable=True),
        sa.Column("Total", sa.Numeric(10, 2), nullable=True, unique=True),
        sa.Column("line item", sa.Integer(), nullable=True, index=True),
        sa.Column("1st", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="PK_Order"),
    )
    op.create_index("Ix_Order_Select", "order", ["select", "Total"])
    with op.batch_alter_table("order") as batch_op:
        batch_op.alter_column("select", new_column_name="group", existing_type=sa.String(10),
                              type_=sa.Integer())
        batch_op.drop_column("1st")


def downgrade():
    op.drop_table("order")
