CREATE TABLE _alembic_tmp_account (
    id INTEGER NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    email VARCHAR(120), 
    score NUMERIC(10, 2), 
    active BOOLEAN DEFAULT 1 NOT NULL, 
    created DATETIME DEFAULT (CURRENT_TIMESTAMP), 
    parent_id INTEGER, 
    joined DATETIME DEFAULT CURRENT_TIMESTAMP, 
    rank INTEGER, 
    team_id INTEGER, 
    seen DATETIME DEFAULT (CURRENT_TIMESTAMP), 
    PRIMARY KEY (id), 
    CONSTRAINT uq_account_email UNIQUE (email), 
    CONSTRAINT fk_account_team_id FOREIGN KEY(team_id) REFERENCES team (id), 
    FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE CASCADE
);

CREATE INDEX ix__alembic_tmp_account_rank ON _alembic_tmp_account (rank);

INSERT INTO _alembic_tmp_account (id, name, email, score, active, created, parent_id) SELECT account.id, account.name, account.email, account.score, account.active, account.created, account.parent_id 
FROM account;

DROP TABLE account;

ALTER TABLE _alembic_tmp_account RENAME TO account;

CREATE INDEX ix_account_name ON account (name);

CREATE INDEX ix_account_rank ON account (rank);

