CREATE TABLE account (
    id INTEGER NOT NULL, 
    email VARCHAR(120) NOT NULL, 
    handle VARCHAR(30) NOT NULL, 
    region VARCHAR(2), 
    code VARCHAR(8), 
    parent_id INTEGER, 
    CONSTRAINT pk_account PRIMARY KEY (id), 
    CONSTRAINT uq_account_email UNIQUE (email), 
    CONSTRAINT ck_account_handle CHECK (length(handle) > 2), 
    UNIQUE (handle), 
    FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE SET NULL
);

CREATE UNIQUE INDEX ix_account_code ON account (code);

CREATE INDEX ix_account_email_region ON account (email, region);

CREATE INDEX ix_account_region ON account (region);

CREATE INDEX ix_account_parent ON account (parent_id) WHERE parent_id IS NOT NULL;

CREATE UNIQUE INDEX ix_account_lower_email ON account (lower(email));

CREATE TABLE membership (
    account_id INTEGER NOT NULL, 
    group_id INTEGER NOT NULL, 
    role VARCHAR(10) DEFAULT 'member' NOT NULL, 
    PRIMARY KEY (account_id, group_id), 
    CONSTRAINT fk_membership_account FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE ON UPDATE CASCADE, 
    FOREIGN KEY(group_id) REFERENCES account (id) DEFERRABLE INITIALLY DEFERRED, 
    CHECK (role IN ('member', 'owner'))
);

CREATE TABLE event (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
    account_id INTEGER, 
    kind VARCHAR(20), 
    FOREIGN KEY(account_id) REFERENCES account (id)
);

