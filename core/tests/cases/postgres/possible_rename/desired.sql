CREATE TABLE task (id integer PRIMARY KEY, title text, done boolean);
CREATE TABLE item (id integer PRIMARY KEY, caption text);
