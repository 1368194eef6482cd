# This revision has no docstring at all.
from alembic import op
import sqlalchemy as sa

revision = 'mf000011'
down_revision = 'mf000010'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
