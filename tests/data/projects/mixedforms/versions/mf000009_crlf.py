"""Windows line endings (CRLF)

Second paragraph.

Revision ID: mf000009
Revises: mf000008
"""
from alembic import op
import sqlalchemy as sa

revision = 'mf000009'
down_revision = 'mf000008'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("juguete", sa.Column("nombre", sa.String(40), nullable=True))


def downgrade():
    with op.batch_alter_table("juguete") as batch_op:
        batch_op.drop_column("nombre")
