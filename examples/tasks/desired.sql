-- The "tasks" example, the schema we want: tasks get a priority and tags, longer titles.
CREATE TABLE "user" (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    name varchar(100) NOT NULL,
    created_at timestamp DEFAULT now()
);

CREATE TABLE task (
    id serial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
    title varchar(300) NOT NULL,
    description text,
    completed boolean DEFAULT false,
    created_at timestamp DEFAULT now(),
    priority varchar(20) DEFAULT 'medium',
    tags jsonb NOT NULL DEFAULT '[]'
);

CREATE INDEX idx_task_user_id ON task (user_id);
CREATE INDEX idx_task_priority ON task (priority);
