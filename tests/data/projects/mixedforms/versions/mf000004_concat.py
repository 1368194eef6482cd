"""Implicit concatenation """ 'of docstring parts' \
    " and continuation lines"
from alembic import op
import sqlalchemy as sa

revision = "mf" \
    "000004"
down_revision = (
    "mf"  # first half
    '000003'  # second half
)
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("nino", sa.Column("apodo", sa.String(30), nullable=True))


def downgrade():
    with op.batch_alter_table("nino") as batch_op:
        batch_op.drop_column("apodo")
