CREATE TABLE task (
	id INTEGER NOT NULL,
	priority VARCHAR DEFAULT 'medium' NOT NULL,
	payload JSON NOT NULL,
	estimate INTERVAL,
	spent INTERVAL,
	score DOUBLE PRECISION,
	extra JSON,
	PRIMARY KEY (id)
);
