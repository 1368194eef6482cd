"""orphan

Revision ID: bbbb2222
"""

revision = "bbbb2222"
down_revision = "ffff9999"
branch_labels = None
depends_on = None
