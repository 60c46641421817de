-- `sqlite3 app.db .schema` of a SQLModel app; the desired side is what SQLModel's create_all
-- prints after one change to each table. The revision file is as short as the change: no
-- autoincrement=False, batch mode keeps hero's four indexes, the new column `rank` lands where
-- the model has it (insert_before), JSON and NUMERIC(10,2) columns are op.add_column.
CREATE TABLE team (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	headquarters VARCHAR NOT NULL, 
	PRIMARY KEY (id)
);
CREATE INDEX ix_team_name ON team (name);
CREATE TABLE hero (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	secret_name VARCHAR NOT NULL, 
	age INTEGER, 
	team_id INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(team_id) REFERENCES team (id)
);
CREATE INDEX ix_hero_name ON hero (name);
CREATE INDEX ix_hero_secret_name ON hero (secret_name);
CREATE INDEX ix_hero_age ON hero (age);
CREATE INDEX ix_hero_team_id ON hero (team_id);
