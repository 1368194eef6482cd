"""batch changes

Revision ID: a1c0batch006
Revises: a1c0data0005
Create Date: 2026-01-06 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0batch006"
down_revision = "a1c0data0005"
branch_labels = None
depends_on = None


def upgrade():
    # A table rebuild loses expression indexes (Alembic cannot reflect them): drop them first.
    op.drop_index("ix_account_email_lower", table_name="account")
    op.drop_index("ix_account_name_lower", table_name="account")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("essay")
        batch_op.add_column(sa.Column("joined", sa.DateTime(),
                                      server_default=sa.text("CURRENT_TIMESTAMP"), nullable=True))
        batch_op.alter_column("score", existing_type=sa.Float(), type_=sa.Integer(),
                              existing_nullable=True)
        batch_op.alter_column("rank", existing_type=sa.SmallInteger(), type_=sa.String(length=10))
        batch_op.alter_column("bio", existing_type=sa.Text(), nullable=False,
                              server_default="")
        batch_op.alter_column("handle", new_column_name="username",
                              existing_type=sa.String(length=30))
        batch_op.alter_column("balance", server_default=None,
                              existing_type=sa.Numeric(precision=10, scale=2))


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.alter_column("balance", server_default="0",
                              existing_type=sa.Numeric(precision=10, scale=2))
        batch_op.alter_column("username", new_column_name="handle",
                              existing_type=sa.String(length=30))
        batch_op.alter_column("bio", existing_type=sa.Text(), nullable=True,
                              server_default=None)
        batch_op.alter_column("rank", existing_type=sa.String(length=10),
                              type_=sa.SmallInteger())
        batch_op.alter_column("score", existing_type=sa.Integer(), type_=sa.Float(),
                              existing_nullable=True)
        batch_op.drop_column("joined")
        batch_op.add_column(sa.Column("essay", sa.UnicodeText(), nullable=True))
    op.create_index("ix_account_name_lower", "account", [sa.text("lower(name)")])
    op.create_index("ix_account_email_lower", "account", [sa.text("lower(email)")])
