"""CRLF file

second paragraph"""
revision = "a31425364758"
down_revision = (
    "920314253647",
    "819203142536",
)
