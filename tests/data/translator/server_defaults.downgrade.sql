DROP TABLE settings;

