"""broken: an unterminated string"""

revision = "cccc3333"
down_revision = "bbbb2222
