CREATE TABLE "user" (id serial PRIMARY KEY, email varchar(200) NOT NULL UNIQUE);
CREATE TABLE task (
    id SERIAL NOT NULL,
    user_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    description TEXT,
    completed BOOLEAN DEFAULT false NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY(user_id) REFERENCES "user" (id) ON DELETE CASCADE
);
CREATE INDEX ix_task_user_id ON task (user_id);
CREATE INDEX ix_task_completed ON task (completed);
CREATE INDEX ix_task_user_completed ON task (user_id, completed);
