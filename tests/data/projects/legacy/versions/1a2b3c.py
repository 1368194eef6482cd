"""initial schema (Alembic 0.1 style: the id comes from the file name)"""

from alembic import op
import sqlalchemy as sa

down_revision = None


def upgrade():
    op.create_table("legacy_thing",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(50)),
    )


def downgrade():
    op.drop_table("legacy_thing")
