CREATE UNIQUE INDEX ix_account_name ON account (name);

CREATE INDEX ix_account_name_region ON account (name, region);

CREATE INDEX ix_account_lower_name ON account (lower(name));

CREATE INDEX ix_account_active_region ON account (region) WHERE region IS NOT NULL;

