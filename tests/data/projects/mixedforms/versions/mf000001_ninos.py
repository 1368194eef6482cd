"""Añadir tabla de niños 🎉

Una tabla para los niños y sus años; también «comillas» y emoji 👩‍💻.

Revision ID: mf000001
Revises:
Create Date: 2025-07-01 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'mf000001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "nino",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nombre", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("nino")
