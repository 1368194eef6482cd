"""With a byte order mark"""
revision = "c5364758697a"
down_revision = ""
