"""item attributes, written with Python logic

Revision ID: c0ffee000002
Revises: c0ffee000001
Create Date: 2026-02-02 00:00:00.000000

Not translatable by Retort (a loop, an `if`, helper functions, a computed
list): applied through the Alembic renderer.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c0ffee000002"
down_revision = "c0ffee000001"
branch_labels = None
depends_on = None

ATTRIBUTES = [("colour", 20), ("size", 10), ("weight", None)]


def _column(name, length):
    kind = sa.String(length=length) if length else sa.Numeric(precision=8, scale=2)
    return sa.Column(name, kind, nullable=True)


def _tags():
    return sa.table("tag", sa.column("id", sa.Integer), sa.column("label", sa.String))


def upgrade():
    for name, length in ATTRIBUTES:
        op.add_column("item", _column(name, length))
    if op.get_context().dialect.name == "sqlite":
        # A rebuild: reflects item as the add_column calls above left it.
        with op.batch_alter_table("item") as batch_op:
            batch_op.alter_column("name", existing_type=sa.String(length=50), nullable=False)
            batch_op.create_unique_constraint("uq_item_name", ["name"])
    op.bulk_insert(_tags(), [{"id": i, "label": "tag %d" % i} for i in range(1, 4)])
    op.create_index(op.f("ix_item_colour"), "item", ["colour"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_item_colour"), table_name="item")
    op.execute(_tags().delete().where(sa.column("id") <= 3))
    with op.batch_alter_table("item") as batch_op:
        batch_op.drop_constraint("uq_item_name", type_="unique")
        batch_op.alter_column("name", existing_type=sa.String(length=50), nullable=True)
        for name, _ in reversed(ATTRIBUTES):
            batch_op.drop_column(name)
