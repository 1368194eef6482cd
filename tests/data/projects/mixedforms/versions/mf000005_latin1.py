# -*- coding: latin-1 -*-
"""Ação de migração: Größe, façade, naïve

Datei in ISO-8859-1 kodiert.

Revision ID: mf000005
Revises: mf000004
"""
from alembic import op
import sqlalchemy as sa

revision = 'mf000005'
down_revision = 'mf000004'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("nino", sa.Column("größe", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("nino") as batch_op:
        batch_op.drop_column("größe")
