"""three

Revision ID: abce3333
"""

revision = "abce3333"
down_revision = "abcd2222"
branch_labels = None
depends_on = None
