CREATE TABLE account (id int PRIMARY KEY, name varchar(100), balance bigint);
CREATE VIEW rich AS SELECT id, name FROM account WHERE balance > 1000;
CREATE VIEW rich_names AS SELECT name FROM rich;
