DROP TABLE event;

DROP TABLE membership;

DROP INDEX ix_account_parent;

DROP INDEX ix_account_lower_email;

DROP INDEX ix_account_email_region;

DROP INDEX ix_account_region;

DROP INDEX ix_account_code;

DROP TABLE account;

