CREATE TABLE _alembic_tmp_note (
    id INTEGER NOT NULL, 
    body TEXT, 
    meta TEXT, 
    tag VARCHAR(10)
);

INSERT INTO _alembic_tmp_note (id, body, meta, tag) SELECT note.id, CAST(note.body AS TEXT) AS body, CAST(note.meta AS TEXT) AS meta, note.label 
FROM note;

DROP TABLE note;

ALTER TABLE _alembic_tmp_note RENAME TO note;

