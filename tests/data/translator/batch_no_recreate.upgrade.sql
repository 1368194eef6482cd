ALTER TABLE account ADD COLUMN nickname VARCHAR(30);

ALTER TABLE account ADD COLUMN level INTEGER DEFAULT '1' NOT NULL;

ALTER TABLE account ADD COLUMN tag VARCHAR(10);

CREATE INDEX ix_account_tag ON account (tag);

CREATE INDEX ix_account_nickname ON account (nickname);

DROP INDEX ix_account_name;

