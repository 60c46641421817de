CREATE TABLE customer (id integer PRIMARY KEY);
CREATE TABLE task (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    customer_id integer REFERENCES customer (id),
    tags jsonb NOT NULL,
    priority integer NOT NULL
);
CREATE INDEX task_customer_id_idx ON task (customer_id);
CREATE TABLE note (id integer PRIMARY KEY, task_id integer NOT NULL REFERENCES task (id));
CREATE INDEX note_task_id_idx ON note (task_id);
