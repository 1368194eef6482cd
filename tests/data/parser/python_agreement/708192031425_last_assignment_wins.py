"""Last assignment wins"""
revision = 'aaaaaaaaaaaa'
down_revision = '000000000000'
import os; revision = '708192031425'; down_revision = None
branch_labels = 'first'
branch_labels = ['second', 'third']
