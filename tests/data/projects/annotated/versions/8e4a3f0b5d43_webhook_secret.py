"""webhook secret

Revision ID: 8e4a3f0b5d43
Revises: 7d3f2e9a4c32
Create Date: 2025-06-05 09:12:18.774120

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "8e4a3f0b5d43"
down_revision: Union[str, None] = "7d3f2e9a4c32"
# annotation without a value: the module has no branch_labels attribute at all
branch_labels: Union[str, Sequence[str], None]
depends_on: Union[str, Sequence[str], None] = "6c2e1d8f3b21"


def upgrade() -> None:
    op.add_column("webhook", sa.Column("secret", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook", schema=None) as batch_op:
        batch_op.drop_column("secret")
