"""b

Revision ID: b
"""

revision = "b"
down_revision = "a"
branch_labels = None
depends_on = None
