CREATE TABLE "user" (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE);
CREATE TABLE task (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    title varchar(200) NOT NULL,
    description text,
    completed boolean NOT NULL DEFAULT false,
    created_at timestamp NOT NULL DEFAULT now(),
    meta jsonb NOT NULL DEFAULT '{}'::jsonb,
    tags jsonb NOT NULL
);
