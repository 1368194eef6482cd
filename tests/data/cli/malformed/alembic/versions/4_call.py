"""broken: a computed parent"""
from somewhere import compute_parent

revision = "dddd4444"
down_revision = compute_parent()
