CREATE TABLE todo (id integer PRIMARY KEY, title text, done boolean);
CREATE TABLE item (id integer PRIMARY KEY, label text);
