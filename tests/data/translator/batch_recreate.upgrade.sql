CREATE TABLE _alembic_tmp_account (
    id INTEGER NOT NULL, 
    full_name VARCHAR(50) NOT NULL, 
    email TEXT DEFAULT 'none' NOT NULL, 
    score INTEGER, 
    active BOOLEAN NOT NULL, 
    parent_id INTEGER, 
    PRIMARY KEY (id), 
    CONSTRAINT uq_account_email UNIQUE (email), 
    FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_account (id, full_name, email, score, active, parent_id) SELECT account.id, account.name, account.email, CAST(account.score AS INTEGER) AS score, account.active, account.parent_id 
FROM account;

DROP TABLE account;

ALTER TABLE _alembic_tmp_account RENAME TO account;

CREATE INDEX ix_account_name ON account (full_name);

