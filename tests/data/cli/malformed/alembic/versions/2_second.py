"""second revision

Revision ID: bbbb2222
"""

revision = "bbbb2222"
down_revision = "aaaa1111"
branch_labels = None
depends_on = None
