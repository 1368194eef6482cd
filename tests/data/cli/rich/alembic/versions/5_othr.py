"""other line

Revision ID: othr0005
"""

revision = "othr0005"
down_revision = "base0001"
branch_labels = None
depends_on = None
