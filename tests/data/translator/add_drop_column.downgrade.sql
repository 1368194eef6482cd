DROP INDEX ix_account_badge;

DROP INDEX ix_account_region;

ALTER TABLE account DROP COLUMN badge;

ALTER TABLE account DROP COLUMN region;

ALTER TABLE account DROP COLUMN score;

ALTER TABLE account DROP COLUMN active;

ALTER TABLE account DROP COLUMN email;

