# -*- coding: latin-1 -*-
"""Café, niño, señal"""
revision = "f8697a8b9cad"
down_revision = "e758697a8b9c"
