ALTER TABLE account ADD COLUMN email VARCHAR(120);

ALTER TABLE account ADD COLUMN active BOOLEAN DEFAULT '1' NOT NULL;

ALTER TABLE account ADD COLUMN score INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE account ADD COLUMN region VARCHAR(2);

CREATE INDEX ix_account_region ON account (region);

ALTER TABLE account ADD COLUMN badge VARCHAR(8);

CREATE UNIQUE INDEX ix_account_badge ON account (badge);

