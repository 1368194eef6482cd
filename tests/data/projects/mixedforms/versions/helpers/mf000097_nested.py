revision = 'nested'
down_revision = None
