ALTER TABLE account RENAME TO member;

ALTER TABLE member RENAME name TO full_name;

