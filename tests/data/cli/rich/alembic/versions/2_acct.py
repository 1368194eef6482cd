"""add account email

Revision ID: acct0002
"""

revision = "acct0002"
down_revision = "base0001"
branch_labels = ("accounts",)
depends_on = None
