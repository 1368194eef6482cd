"""create account table

Revision ID: base0001
"""

revision = "base0001"
down_revision = None
branch_labels = None
depends_on = None
