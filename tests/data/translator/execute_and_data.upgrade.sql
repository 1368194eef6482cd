UPDATE account SET name = 'x' WHERE id = 1;

UPDATE account SET name = 'a:b' WHERE name = '';

INSERT INTO account (id, name)
        VALUES (100, 'multi-line');

INSERT INTO account (id, name, active, score) VALUES (1, 'o''brien', 1, 1.5);

INSERT INTO account (id, name, active, balance) VALUES (2, NULL, 0, 3);

INSERT INTO account (id, name, score, balance, note) VALUES (3, 'x', 2, 0.1, NULL);

INSERT INTO account (id, name, active, score) VALUES (4, 'y', 1, 1e+20);

INSERT INTO account (id, name, score) VALUES (-5, 'line
break', 0.30000000000000004);

INSERT INTO account (id, name) VALUES (6, 'six');

INSERT INTO account (id, name) VALUES (7, 'seven');

