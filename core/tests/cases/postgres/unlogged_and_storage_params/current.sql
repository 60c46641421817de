-- UNLOGGED and storage parameters are typed table attributes (issue 11); a change of UNLOGGED
-- used to go unnoticed (the planner compared storage parameters only).
CREATE TABLE events (id int PRIMARY KEY, payload jsonb);
CREATE UNLOGGED TABLE cache (k text PRIMARY KEY, v text) WITH (fillfactor = 70);
CREATE TABLE tuned (id int PRIMARY KEY) WITH (fillfactor = 70, autovacuum_enabled = false);
