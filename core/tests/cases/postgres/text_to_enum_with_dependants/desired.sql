CREATE TYPE state_type AS ENUM ('open', 'closed');
CREATE DOMAIN open_state AS state_type CHECK (VALUE <> 'closed');
CREATE TABLE task (id int PRIMARY KEY, state state_type DEFAULT 'open' NOT NULL, s2 open_state);
CREATE FUNCTION is_open(s state_type) RETURNS boolean LANGUAGE sql AS $$ SELECT s = 'open' $$;
CREATE INDEX task_open ON task (id) WHERE state = 'open';
