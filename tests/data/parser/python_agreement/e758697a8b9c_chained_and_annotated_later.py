"""Annotated after a plain one"""
revision = "xxxxxxxxxxxx"
revision: str = "e758697a8b9c"
down_revision: "Optional[str]" = (("d64758697a8b"))
