"""two

Revision ID: abcd2222
"""

revision = "abcd2222"
down_revision = "abcd1111"
branch_labels = None
depends_on = None
