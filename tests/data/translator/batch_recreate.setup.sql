CREATE TABLE account (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	email VARCHAR(120), 
	score NUMERIC(10, 2), 
	active BOOLEAN DEFAULT (1) NOT NULL, 
	created DATETIME DEFAULT (CURRENT_TIMESTAMP), 
	parent_id INTEGER, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_account_email UNIQUE (email), 
	FOREIGN KEY(parent_id) REFERENCES account (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_name ON account (name);
CREATE TABLE team (
	id INTEGER NOT NULL, 
	title VARCHAR(40), 
	PRIMARY KEY (id)
);
INSERT INTO account (id, name, email, score, parent_id) VALUES (1, 'a', 'a@x', 1.5, NULL);
INSERT INTO account (id, name, email, score, parent_id) VALUES (2, 'b', 'b@x', 2, 1);
