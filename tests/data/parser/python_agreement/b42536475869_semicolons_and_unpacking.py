"doc" ; x = 1
revision, down_revision = "b42536475869", ("a31425364758",)
branch_labels = depends_on = None
