CREATE TABLE "user" (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE);
