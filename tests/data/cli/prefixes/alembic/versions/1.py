"""one

Revision ID: abcd1111
"""

revision = "abcd1111"
down_revision = None
branch_labels = None
depends_on = None
