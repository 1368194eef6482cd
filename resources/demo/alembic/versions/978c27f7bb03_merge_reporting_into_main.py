"""merge reporting into main

Revision ID: 978c27f7bb03
Revises: 187e245166db, f4ee2fb72983
Create Date: 2025-03-20 17:29:12.540093

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '978c27f7bb03'
down_revision = ('187e245166db', 'f4ee2fb72983')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
