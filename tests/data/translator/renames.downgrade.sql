ALTER TABLE member RENAME full_name TO name;

ALTER TABLE member RENAME TO account;

