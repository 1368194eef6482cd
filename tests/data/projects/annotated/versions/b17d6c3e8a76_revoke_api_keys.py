"""revoke api keys

Revision ID: b17d6c3e8a76
Revises: 6c2e1d8f3b21
Create Date: 2025-06-13 18:48:09.331456

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = 'b17d6c3e8a76'
down_revision: Union[str, None] = '6c2e1d8f3b21'
branch_labels: Union[str, Sequence[str], None] = 'revocation'
depends_on: Union[str, Sequence[str], None] = ('api',)


def upgrade() -> None:
    op.add_column('api_key', sa.Column('revoked_at', sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('api_key', schema=None) as batch_op:
        batch_op.drop_column('revoked_at')
