DROP INDEX ix_account_active_region;

DROP INDEX ix_account_lower_name;

DROP INDEX ix_account_name_region;

DROP INDEX ix_account_name;

