CREATE TABLE task (id serial PRIMARY KEY, title varchar(200) NOT NULL, done boolean DEFAULT false);
