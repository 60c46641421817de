CREATE UNLOGGED TABLE events (id int PRIMARY KEY, payload jsonb);
CREATE TABLE cache (k text PRIMARY KEY, v text) WITH (fillfactor = 70);
CREATE TABLE tuned (id int PRIMARY KEY) WITH (fillfactor = 80);
