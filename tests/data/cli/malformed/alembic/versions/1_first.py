"""first revision

Revision ID: aaaa1111
"""

revision = "aaaa1111"
down_revision = None
branch_labels = None
depends_on = None
