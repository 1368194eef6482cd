"""Assignments in bodies do not count"""
revision = '819203142536'
down_revision = ('708192031425')


class Helper:
    revision = 'not-this'
    down_revision = 'nor-this'


def upgrade():
    revision = 'zzz'
    sql = """
revision = 'yyy'
down_revision = 'xxx'
"""
    if revision:
        down_revision = sql


if False: revision = 'never'
