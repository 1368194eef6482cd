CREATE TABLE _alembic_tmp_account (
    id INTEGER NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    email VARCHAR(120), 
    score NUMERIC(10, 2), 
    active BOOLEAN DEFAULT (1) NOT NULL, 
    parent_id INTEGER, 
    created DATETIME DEFAULT (CURRENT_TIMESTAMP), 
    PRIMARY KEY (id), 
    CONSTRAINT uq_account_email UNIQUE (email), 
    FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_account (id, name, email, score, active, parent_id) SELECT account.id, account.full_name, account.email, CAST(account.score AS NUMERIC(10, 2)) AS score, account.active, account.parent_id 
FROM account;

DROP TABLE account;

ALTER TABLE _alembic_tmp_account RENAME TO account;

CREATE INDEX ix_account_name ON account (name);

