CREATE TABLE account (
	id INTEGER NOT NULL, 
	name VARCHAR(50), 
	active BOOLEAN, 
	score FLOAT, 
	balance NUMERIC(10, 2), 
	note TEXT, 
	PRIMARY KEY (id)
);
