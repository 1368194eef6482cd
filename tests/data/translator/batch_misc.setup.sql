CREATE TABLE note (
	id INTEGER NOT NULL, 
	body TEXT, 
	meta TEXT, 
	tag VARCHAR(10)
);
INSERT INTO note (id, body, meta, tag) VALUES (1, '12', '{"a": 1}', 'x');
