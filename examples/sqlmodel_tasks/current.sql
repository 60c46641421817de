-- The database at the last release, as `pg_dump -s` (trimmed) or SQLAlchemy's create_all
-- wrote it; the desired side is the application's SQLModel models (app/models.py, app/enums.py).
CREATE TABLE project (
	id SERIAL NOT NULL,
	name VARCHAR(100) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_project_name ON project (name);

CREATE TABLE task (
	id SERIAL NOT NULL,
	title VARCHAR NOT NULL,
	done BOOLEAN NOT NULL,
	project_id INTEGER NOT NULL,
	PRIMARY KEY (id),
	FOREIGN KEY(project_id) REFERENCES project (id)
);
