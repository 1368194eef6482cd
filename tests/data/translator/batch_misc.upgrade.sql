CREATE TABLE _alembic_tmp_note (
    id INTEGER NOT NULL, 
    body INTEGER, 
    meta JSON, 
    label VARCHAR(10), 
    slug VARCHAR(20), 
    CONSTRAINT pk_note PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix__alembic_tmp_note_slug ON _alembic_tmp_note (slug);

INSERT INTO _alembic_tmp_note (id, body, meta, label) SELECT note.id, CAST(note.body AS INTEGER) AS body, note.meta, note.tag 
FROM note;

DROP TABLE note;

ALTER TABLE _alembic_tmp_note RENAME TO note;

CREATE INDEX ix_note_tag ON note (label);

CREATE UNIQUE INDEX ix_note_slug ON note (slug);

