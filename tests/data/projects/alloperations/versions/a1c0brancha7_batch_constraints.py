"""batch constraints

Revision ID: a1c0brancha7
Revises: a1c0batch006
Create Date: 2026-01-07 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0brancha7"
down_revision = "a1c0batch006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_session_team", "team", ["team_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_unique_constraint("uq_session_account_ip", ["account_id", "ip"])
        batch_op.create_check_constraint("ck_session_ip", sa.text("length(ip) >= 7"))
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_constraint("uq_account_name_team", type_="unique")
        batch_op.drop_constraint("fk_account_team_id_team", type_="foreignkey")
        batch_op.create_foreign_key("fk_account_team", "team", ["team_id"], ["id"])


def downgrade():
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_constraint("fk_account_team", type_="foreignkey")
        batch_op.create_foreign_key("fk_account_team_id_team", "team", ["team_id"], ["id"],
                                    ondelete="SET NULL", onupdate="CASCADE")
        batch_op.create_unique_constraint("uq_account_name_team", ["name", "team_id"])
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_constraint("ck_session_ip", type_="check")
        batch_op.drop_constraint("uq_session_account_ip", type_="unique")
        batch_op.drop_constraint("fk_session_team", type_="foreignkey")
        batch_op.drop_column("team_id")
