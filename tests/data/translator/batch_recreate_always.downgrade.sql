CREATE TABLE _alembic_tmp_team (
    id INTEGER NOT NULL, 
    title VARCHAR(40), 
    PRIMARY KEY (id)
);

INSERT INTO _alembic_tmp_team (id, title) SELECT team.id, team.title 
FROM team;

DROP TABLE team;

ALTER TABLE _alembic_tmp_team RENAME TO team;

