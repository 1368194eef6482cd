"""merge lines

Revision ID: merg0006
"""

revision = "merg0006"
down_revision = ("netw0004", "othr0005")
branch_labels = None
depends_on = None
