r"""Raw docstring keeps \n and \t as typed

C:\path\to\file stays as written.
"""
# -- the values use triple quotes and a raw string
from alembic import op
import sqlalchemy as sa

revision = """mf000003"""
down_revision = r'mf000002'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
