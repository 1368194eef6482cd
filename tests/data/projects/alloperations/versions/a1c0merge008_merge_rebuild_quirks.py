"""merge, rebuild quirks

Revision ID: a1c0merge008
Revises: a1c0brancha7, a1c0branchb7
Create Date: 2026-01-08 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1c0merge008"
down_revision = ("a1c0brancha7", "a1c0branchb7")
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("team", recreate="always",
                              table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.alter_column("title", existing_type=sa.String(length=40),
                              type_=sa.String(length=80))
    with op.batch_alter_table("session") as batch_op:
        batch_op.add_column(sa.Column("duration", sa.Integer(), nullable=True, index=True))
        batch_op.add_column(sa.Column("device_id", sa.Integer(),
                                      sa.ForeignKey("team.id", name="fk_session_device"),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table("session") as batch_op:
        batch_op.drop_constraint("fk_session_device", type_="foreignkey")
        batch_op.drop_index("ix__alembic_tmp_session_duration")
        batch_op.drop_index("ix_session_duration")
        batch_op.drop_column("device_id")
        batch_op.drop_column("duration")
    with op.batch_alter_table("team", recreate="always") as batch_op:
        batch_op.alter_column("title", existing_type=sa.String(length=80),
                              type_=sa.String(length=40))
