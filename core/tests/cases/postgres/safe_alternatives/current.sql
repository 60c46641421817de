CREATE TABLE customer (id integer PRIMARY KEY);
CREATE TABLE task (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    customer_id integer
);
CREATE INDEX task_old_idx ON task (title);
