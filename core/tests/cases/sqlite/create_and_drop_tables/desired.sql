CREATE TABLE team (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    captain_id INTEGER REFERENCES player (id)
);
CREATE TABLE player (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    name TEXT NOT NULL
);
CREATE INDEX ix_player_team_id ON player (team_id);
