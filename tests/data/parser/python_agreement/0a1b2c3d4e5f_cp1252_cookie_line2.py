#!/usr/bin/env python
# vim: set fileencoding=cp1252 :
"""Price: 5 € — “quoted”"""
revision = "0a1b2c3d4e5f"
down_revision = None
