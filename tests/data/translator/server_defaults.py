"""server defaults of every kind

Revision ID: server_defaults
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


revision = "server_defaults"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), server_default="it's", nullable=False),
        sa.Column("empty", sa.String(length=40), server_default="", nullable=False),
        sa.Column("flag", sa.Boolean(), server_default=sa.text("0"), nullable=False),
        sa.Column("on", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("off", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("created", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.Column("updated", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP")),
        sa.Column("local", sa.DateTime(), server_default=sa.func.datetime("now", "localtime")),
        sa.Column("today", sa.Date(), server_default=sa.func.current_date()),
        sa.Column("count", sa.Integer(), server_default=sa.text("10")),
        sa.Column("zero", sa.Integer(), server_default=sa.literal_column("0")),
        sa.Column("ratio", sa.Float(), server_default="1.5"),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("settings")
