CREATE TABLE _alembic_tmp_team (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
    title VARCHAR(40), 
    size INTEGER
);

INSERT INTO _alembic_tmp_team (id, title) SELECT team.id, team.title 
FROM team;

DROP TABLE team;

ALTER TABLE _alembic_tmp_team RENAME TO team;

CREATE TABLE _alembic_tmp_account (
    id INTEGER NOT NULL, 
    name VARCHAR(50) NOT NULL, 
    email VARCHAR(120), 
    score NUMERIC(10, 2), 
    active BOOLEAN DEFAULT 1 NOT NULL, 
    created DATETIME DEFAULT (CURRENT_TIMESTAMP), 
    parent_id INTEGER, 
    PRIMARY KEY (id), 
    CONSTRAINT uq_account_email UNIQUE (email), 
    FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE CASCADE
);

INSERT INTO _alembic_tmp_account (id, name, email, score, active, created, parent_id) SELECT account.id, account.name, account.email, account.score, account.active, account.created, account.parent_id 
FROM account;

DROP TABLE account;

ALTER TABLE _alembic_tmp_account RENAME TO account;

CREATE INDEX ix_account_name ON account (name);

