CREATE TABLE team (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	headquarters VARCHAR NOT NULL, 
	meta JSON, 
	budget NUMERIC(10, 2), 
	PRIMARY KEY (id)
);
CREATE INDEX ix_team_name ON team (name);
CREATE TABLE hero (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	rank VARCHAR NOT NULL DEFAULT 'rookie', 
	secret_name VARCHAR NOT NULL, 
	age INTEGER DEFAULT 18, 
	team_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(team_id) REFERENCES team (id)
);
CREATE INDEX ix_hero_name ON hero (name);
CREATE INDEX ix_hero_secret_name ON hero (secret_name);
CREATE INDEX ix_hero_age ON hero (age);
CREATE INDEX ix_hero_team_id ON hero (team_id);
CREATE TABLE mission (
	id INTEGER NOT NULL, 
	title VARCHAR NOT NULL, 
	hero_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(hero_id) REFERENCES hero (id)
);
CREATE INDEX ix_mission_hero_id ON mission (hero_id);
