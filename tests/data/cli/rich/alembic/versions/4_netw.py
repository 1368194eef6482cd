"""network table

Revision ID: netw0004
"""

revision = "netw0004"
down_revision = "side0003"
branch_labels = None
depends_on = "acct0002"
