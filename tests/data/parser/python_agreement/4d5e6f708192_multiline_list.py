'''Merge with comments and a list'''
revision = '4d5e6f708192'
down_revision = [  # parents
    '3c4d5e6f7081',  # main
    # side branch below
    'abcdefabcdef',
]
depends_on = (
    "1a2b3c4d5e6f"
    ,
)
