r"""Raw \docstring with \n backslashes"""
revision = ("5e6f"
            '7081'  # second part
            """9203""")
down_revision = \
    '4d5e6f708192'
