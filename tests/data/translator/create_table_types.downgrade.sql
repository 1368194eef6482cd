DROP TABLE everything;

