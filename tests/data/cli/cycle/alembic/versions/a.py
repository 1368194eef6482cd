"""a

Revision ID: a
"""

revision = "a"
down_revision = "b"
branch_labels = None
depends_on = None
