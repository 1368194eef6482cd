"""merge api and main

Revision ID: 9f5b4a1c6e54
Revises: 6c2e1d8f3b21, 8e4a3f0b5d43
Create Date: 2025-06-09 13:27:44.650028

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '9f5b4a1c6e54'
down_revision: Union[str, Sequence[str], None] = ('6c2e1d8f3b21', '8e4a3f0b5d43')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
