CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE sqlite_log (id int PRIMARY KEY, message text NOT NULL);
CREATE INDEX sqlite_log_message_idx ON sqlite_log (message);
