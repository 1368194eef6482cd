revision = "d64758697a8b"
down_revision = ()
branch_labels = []
depends_on = ""
