"""side branch start

Revision ID: side0003
"""

revision = "side0003"
down_revision = "base0001"
branch_labels = None
depends_on = None
