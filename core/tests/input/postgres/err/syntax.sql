CREATE TABLE ok (id int);
CREATE TABLE broken (id int,, name text);
CREATE TABLE after (id int);
