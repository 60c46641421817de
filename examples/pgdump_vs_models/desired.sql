-- The models' DDL (e.g. SQLAlchemy's CreateTable output): the same tables spelled the way an
-- ORM writes them, plus what the next release needs. Only the real differences show up.
CREATE TYPE task_status AS ENUM ('todo', 'doing', 'done');

CREATE TABLE "user" (
    id SERIAL NOT NULL,
    email VARCHAR(255) NOT NULL,
    name VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
    is_active BOOLEAN DEFAULT true NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (email)
);

CREATE TABLE task (
    id SERIAL NOT NULL,
    user_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    description TEXT,
    status task_status DEFAULT 'todo' NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(),
    due_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id),
    FOREIGN KEY(user_id) REFERENCES "user" (id) ON DELETE CASCADE
);

CREATE INDEX idx_task_user_id ON task (user_id);
CREATE INDEX ix_task_status_due_at ON task (status, due_at);
