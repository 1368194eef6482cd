"""drop a table

Revision ID: a1c0drop0009
Revises: a1c0merge008
Create Date: 2026-01-09 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0drop0009"
down_revision = "a1c0merge008"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("session")


def downgrade():
    op.create_table(
        "session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=True),
        sa.Column("ip", sa.String(length=45), server_default="0.0.0.0", nullable=True),
        sa.Column("team_id", sa.Integer(), nullable=True),
        sa.Column("duration", sa.Integer(), nullable=True),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name="fk_session_team",
                                ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["device_id"], ["team.id"], name="fk_session_device"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "ip", name="uq_session_account_ip"),
        sa.CheckConstraint("length(ip) >= 7", name="ck_session_ip"),
    )
    op.create_index("ix_session_duration", "session", ["duration"], unique=False)
    op.create_index("ix__alembic_tmp_session_duration", "session", ["duration"], unique=False)
