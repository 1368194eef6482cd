"""second copy

Revision ID: cccc3333
"""

revision = "cccc3333"
down_revision = "aaaa1111"
branch_labels = None
depends_on = None
