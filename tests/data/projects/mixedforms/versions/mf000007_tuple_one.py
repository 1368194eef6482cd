"""Branch from mf000005 with a one-element tuple and a list label"""
from alembic import op
import sqlalchemy as sa

revision = 'mf000007'
down_revision = ('mf000005',)
branch_labels = ['lista']
depends_on = []


def upgrade():
    op.create_table(
        "juguete",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    op.drop_table("juguete")
