-- Issue 12 #2: a misspelt statement keyword is an error (E003) with a suggestion.
CREATE TABLE users (id INTEGER PRIMARY KEY);
CRATE TABLE u (id INTEGER);
CREATE INDX users_id ON users (id);
