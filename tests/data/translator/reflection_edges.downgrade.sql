CREATE TABLE _alembic_tmp_legacy (
    id INTEGER, 
    owner_code VARCHAR(10), 
    other_code VARCHAR(10), 
    qty INTEGER DEFAULT (10), 
    price REAL DEFAULT (0.5), 
    ratio REAL DEFAULT (''), 
    flag BOOLEAN DEFAULT 1, 
    stamp DATETIME DEFAULT (current_timestamp), 
    note TEXT, 
    weird INTEGER, 
    blobby BLOB, 
    c VARCHAR(5), 
    PRIMARY KEY (id), 
    CONSTRAINT ck_legacy_price CHECK (price >= 0), 
    FOREIGN KEY(other_code) REFERENCES owner (code) ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED, 
    FOREIGN KEY(owner_code) REFERENCES owner (code)
);

INSERT INTO _alembic_tmp_legacy (id, owner_code, other_code, qty, price, ratio, flag, stamp, note, weird, blobby, c) SELECT legacy.id, legacy.owner_code, legacy.other_code, legacy.qty, legacy.price, legacy.ratio, legacy.flag, legacy.stamp, legacy.note, legacy.weird, legacy.blobby, legacy.c 
FROM legacy;

DROP TABLE legacy;

ALTER TABLE _alembic_tmp_legacy RENAME TO legacy;

CREATE UNIQUE INDEX ix_legacy_owner ON legacy (owner_code, qty);

CREATE INDEX ix_legacy_partial ON legacy (qty) WHERE qty > 5;

