"""Tab\there, A=\x41, e-acute=\u00e9, octal A=\101, quote \" and \
continued line"""
revision = u'6f7081920314'
down_revision = R'5e6f70819203'
