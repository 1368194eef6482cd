"""merge heads"""
revision = "3c4d5e6f7081"
down_revision = "2b3c4d5e6f70", "9f8e7d6c5b4a"  # a tuple without parentheses
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
